import { Composer, type Context } from "grammy";
import { textForBot } from "../access.js";
import { askInConversation } from "../conversation.js";
import type { BotDeps } from "../deps.js";
import { renderAnswer } from "../format/answer.js";
import { replyHtml, withTyping } from "../reply.js";

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Answers one question in the update's chat: checks it, shows "typing…"
 * while the answerer works, then sends the answer with its numbered sources
 * and one "📄 原文 n" button per citation.
 */
export async function answerQuestion(ctx: Context, deps: BotDeps, question: string): Promise<void> {
  const q = question.trim();
  if (!q) {
    await ctx.reply("请在 /ask 后面写上问题，例如：/ask 谁出席了某某会议？");
    return;
  }
  if (q.length > MAX_QUESTION_LENGTH) {
    await ctx.reply(`问题太长了（${q.length} 字），请精简到 ${MAX_QUESTION_LENGTH} 字以内。`);
    return;
  }
  if (deps.conversation) return askInConversation(ctx, deps.conversation, q);
  const answer = await withTyping(ctx, () => deps.answerer.ask(q));
  const rendered = renderAnswer(answer);
  await replyHtml(ctx, rendered.messages, rendered.buttons);
}

/**
 * `/ask <问题>` and plain text messages (in groups only those that mention
 * the bot or reply to it). Other kinds of messages in a private chat get a
 * short note that only text questions are understood.
 */
export function askCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("ask", (ctx) => answerQuestion(ctx, deps, ctx.match));
  c.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) {
      if (ctx.chat.type === "private") await ctx.reply("没有这个命令。发送 /help 查看可用的命令。");
      return;
    }
    const text = textForBot(ctx);
    if (text === undefined) return;
    await answerQuestion(ctx, deps, text);
  });
  return c;
}
