import type { Context, NextFunction } from "grammy";

/** Whether `chatId` (or the sender `userId`) is in `ids`. */
function listed(ids: number[], chatId: number | undefined, userId: number | undefined): boolean {
  return (chatId !== undefined && ids.includes(chatId)) || (userId !== undefined && ids.includes(userId));
}

/** Whether the update comes from an admin: its chat or its sender is in ADMIN_CHAT_IDS. */
export function isAdmin(ctx: Context, adminChatIds: number[]): boolean {
  return listed(adminChatIds, ctx.chat?.id, ctx.from?.id);
}

/** The message shown to a chat that is not on the allowlist. */
export const NOT_ALLOWED_MESSAGE = "抱歉，这个机器人只对授权的聊天开放。如需使用，请联系管理员并提供你的聊天编号：";

/**
 * Whether the update's chat may use the bot. The chat itself must be on
 * ALLOWED_CHAT_IDS (or ADMIN_CHAT_IDS): a user allowed in private is not
 * enough to be served in a group that is not listed, and an admin user does
 * not open an unlisted group either. An inline query has no chat; it is
 * served when the asking user's own (private) chat is allowed. An empty list
 * lets everyone in.
 */
export function chatAllowed(ctx: Context, allowedChatIds: number[], adminChatIds: number[]): boolean {
  if (allowedChatIds.length === 0) return true;
  const id = ctx.chat?.id ?? (ctx.inlineQuery ? ctx.from?.id : undefined);
  return id !== undefined && (allowedChatIds.includes(id) || adminChatIds.includes(id));
}

/**
 * Allowlist middleware: when `allowedChatIds` is non-empty, updates from any
 * other chat get a polite refusal naming the chat id to give the admin, and
 * go no further (see `chatAllowed`). An empty list lets everyone in.
 */
export function allowlist(allowedChatIds: number[], adminChatIds: number[]) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    if (chatAllowed(ctx, allowedChatIds, adminChatIds)) return next();
    const text = `${NOT_ALLOWED_MESSAGE}${ctx.chat?.id ?? ctx.from?.id ?? "未知"}`;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
    else if (ctx.chat && ctx.message) await ctx.reply(text);
  };
}

/**
 * In groups the bot reads only what is meant for it: commands, messages
 * that mention it (@username) or reply to it. Returns the question text with
 * the mention removed, or undefined when the message is not for the bot. In
 * private chats every text is for the bot. Captions of photos and documents
 * count as text; an edited message is read like a new one.
 */
export function textForBot(ctx: Context): string | undefined {
  const msg = ctx.message ?? ctx.editedMessage;
  const text = msg?.text ?? msg?.caption;
  if (!msg || text === undefined) return undefined;
  if (ctx.chat?.type === "private") return text;
  const username = ctx.me?.username;
  const mention = username ? `@${username}` : undefined;
  const repliesToBot = msg.reply_to_message?.from?.id === ctx.me?.id;
  if (mention && text.toLowerCase().includes(mention.toLowerCase())) {
    return text.replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), " ").trim();
  }
  return repliesToBot ? text : undefined;
}
