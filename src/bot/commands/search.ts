import { Composer, type Context } from "grammy";
import { chatKey, messageKey, sendConversationReply } from "../conversation.js";
import type { BotDeps } from "../deps.js";
import { PAGE_CALLBACK_PREFIX } from "../format/conversation.js";
import { withTyping } from "../reply.js";

/** Longest `/search` text accepted, in characters. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * `/search <词>`: the list of articles about a topic (a district and a month
 * in the words filter it: "/search 孟州 3月 会议"), newest first, five per
 * message, with "下一页 ▶" buttons. The buttons (callback data `page:<n>`)
 * page the list of the message they sit under.
 */
export function searchCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command("search", async (ctx) => {
    const conversation = deps.conversation;
    if (!conversation) {
      await ctx.reply("这个机器人没有开启浏览功能。");
      return;
    }
    const words = ctx.match.trim();
    if (words.length > MAX_SEARCH_LENGTH) {
      await ctx.reply(`要找的词太长了（${words.length} 字），请精简到 ${MAX_SEARCH_LENGTH} 字以内。`);
      return;
    }
    const reply = await withTyping(ctx, () => conversation.search(chatKey(ctx.chat.id), words));
    await sendConversationReply(ctx, conversation, reply);
  });
  c.callbackQuery(new RegExp(`^${PAGE_CALLBACK_PREFIX}(\\d{1,4})$`), async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    const conversation = deps.conversation;
    const chatId = ctx.chat?.id;
    const message = ctx.callbackQuery.message;
    if (!conversation || chatId === undefined || !message) return;
    const reply = await conversation.page(chatKey(chatId), Number(ctx.match[1]), {
      context: messageKey(chatId, message.message_id),
    });
    if (!reply) {
      await ctx.reply("这个列表已过期，请重新发送 /search 或提问。");
      return;
    }
    await sendConversationReply(ctx, conversation, reply);
  });
  return c;
}
