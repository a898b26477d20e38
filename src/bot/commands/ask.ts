import { Composer, type Context, GrammyError } from "grammy";
import { isAdmin, textForBot } from "../access.js";
import type { AnswerMemory } from "../answer-memory.js";
import { askInConversation, rememberSent } from "../conversation.js";
import type { BotDeps } from "../deps.js";
import { renderAnswer } from "../format/answer.js";
import { renderConversationReply } from "../format/conversation.js";
import { keyboardOf, replyHtml, threadTo, withTyping } from "../reply.js";

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** The reply to a question that is empty. */
const EMPTY_QUESTION = "请在 /ask 后面写上问题，例如：/ask 谁出席了某某会议？";

/**
 * Answers one question in the update's chat: checks it, shows "typing…"
 * (sent before the answerer starts), then sends the answer with its quotes,
 * numbered sources and one "📄 原文 n" button per citation. With a
 * conversation in the deps, the question is asked in the chat's context
 * (follow-ups, timelines, browsing) and the context is kept under each sent
 * message, so a reply to it continues from there. In groups the
 * answer replies to the question. When `memory` is given and the update is
 * an edited question whose answer is still the bot's last message, that
 * answer is edited in place instead of sending a new one.
 */
export async function answerQuestion(
  ctx: Context,
  deps: BotDeps,
  question: string,
  memory?: AnswerMemory,
): Promise<void> {
  const q = question.trim();
  if (!q) {
    await ctx.reply(EMPTY_QUESTION, threadTo(ctx));
    return;
  }
  if (q.length > MAX_QUESTION_LENGTH) {
    await ctx.reply(`问题太长了（${q.length} 字），请精简到 ${MAX_QUESTION_LENGTH} 字以内。`, threadTo(ctx));
    return;
  }
  const lookup = { dateTextOf: (id: string) => deps.store.get(id)?.dateText };
  const conversation = deps.conversation;
  const rendered = conversation
    ? renderConversationReply(await askInConversation(ctx, conversation, q), lookup)
    : renderAnswer(await withTyping(ctx, () => deps.answerer.ask(q)), lookup);
  const chatId = ctx.chat?.id;
  const asked = ctx.message ?? ctx.editedMessage;
  const editId =
    ctx.editedMessage && chatId !== undefined ? memory?.editable(chatId, ctx.editedMessage.message_id) : undefined;
  if (editId !== undefined && chatId !== undefined && rendered.messages.length === 1) {
    try {
      await ctx.api.editMessageText(chatId, editId, rendered.messages[0] ?? "", {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        reply_markup: keyboardOf(rendered.buttons),
      });
      return;
    } catch (err) {
      // The same answer again is fine; anything else falls back to a new message.
      if (err instanceof GrammyError && err.description.includes("not modified")) return;
    }
  }
  const sent = await replyHtml(ctx, rendered.messages, rendered.buttons);
  if (conversation && chatId !== undefined) rememberSent(conversation, chatId, sent);
  if (chatId !== undefined && asked) {
    memory?.remember(
      chatId,
      asked.message_id,
      sent.map((m) => m.message_id),
    );
  }
}

/** "/ask 问题" (or "/ask@bot 问题") → "问题"; other text unchanged; other commands → undefined. */
function questionOfText(text: string): string | undefined {
  if (!text.startsWith("/")) return text;
  const m = /^\/ask(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
  return m ? (m[1] ?? "") : undefined;
}

/**
 * `/ask <问题>`, plain text messages (in groups only those that mention the
 * bot or reply to it), captions of photos and documents (the question sent
 * with a picture), and edited questions (answered again, in place when
 * possible). An admin's document goes on to the bulletin upload.
 */
export function askCommands(deps: BotDeps, memory?: AnswerMemory): Composer<Context> {
  const c = new Composer();
  c.command("ask", (ctx) => answerQuestion(ctx, deps, ctx.match, memory));
  c.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) {
      if (ctx.chat.type === "private") await ctx.reply("没有这个命令。发送 /help 查看可用的命令。");
      return;
    }
    const text = textForBot(ctx);
    if (text === undefined) return;
    await answerQuestion(ctx, deps, text, memory);
  });
  c.on("edited_message:text", async (ctx) => {
    const text = textForBot(ctx);
    const q = text === undefined ? undefined : questionOfText(text.trim());
    if (q === undefined || !q.trim()) return;
    await answerQuestion(ctx, deps, q, memory);
  });
  return c;
}

/**
 * Captions as questions: a photo, video or document sent with a caption (in
 * groups: one that mentions the bot or replies to it) is answered like a
 * text. An admin's document goes on (it may be a bulletin upload), as does
 * a message without a caption.
 */
export function captionQuestions(deps: BotDeps, memory?: AnswerMemory): Composer<Context> {
  const c = new Composer();
  c.on(["message:photo", "message:document", "message:video", "edited_message:caption"], async (ctx, next) => {
    const msg = ctx.message ?? ctx.editedMessage;
    if (msg?.document && isAdmin(ctx, deps.adminChatIds)) return next();
    const text = textForBot(ctx);
    if (text === undefined || !text.trim()) return next();
    await answerQuestion(ctx, deps, text, memory);
  });
  return c;
}
