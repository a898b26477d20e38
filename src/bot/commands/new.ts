import { Composer, type Context } from "grammy";
import { chatKey } from "../conversation.js";
import type { BotDeps } from "../deps.js";

/** What `/new` replies. */
export const NEW_CONVERSATION_MESSAGE = "好的，之前的对话已清空。现在可以问新的问题了。";

/**
 * `/new` and `/reset`: forget the chat's conversation context (and that of
 * its sent messages), so that the next question is read on its own.
 */
export function newCommands(deps: BotDeps): Composer<Context> {
  const c = new Composer();
  c.command(["new", "reset"], async (ctx) => {
    deps.conversation?.forget(chatKey(ctx.chat.id));
    await ctx.reply(NEW_CONVERSATION_MESSAGE);
  });
  return c;
}
