import type { Context } from "grammy";
import type { Conversation, ConversationReply } from "../converse/conversation.js";
import { renderConversationReply } from "./format/conversation.js";
import { replyHtml, withTyping } from "./reply.js";

/** The conversation key of a chat: one context per chat (private or group). */
export function chatKey(chatId: number | string): string {
  return `tg:${chatId}`;
}

/** The conversation key of one of the bot's sent messages: a reply to it continues from there. */
export function messageKey(chatId: number | string, messageId: number): string {
  return `tg:${chatId}:msg:${messageId}`;
}

/**
 * The context a message continues: the bot message it replies to (private
 * chats and groups alike), else undefined (the chat's own context).
 */
export function replyContext(ctx: Context): string | undefined {
  const to = ctx.message?.reply_to_message;
  if (!to || !ctx.chat || to.from?.id !== ctx.me?.id) return undefined;
  return messageKey(ctx.chat.id, to.message_id);
}

/** Stores the chat's context under each sent message, so that a reply to any of them continues from that turn. */
export function rememberSent(conversation: Conversation, chatId: number, sent: { message_id: number }[]): void {
  for (const m of sent) conversation.remember(chatKey(chatId), messageKey(chatId, m.message_id));
}

/**
 * Sends a conversation reply in the update's chat and stores the chat's
 * context under every message sent, so that a reply to any of them (or a
 * "下一页" button on it) continues from that turn.
 */
export async function sendConversationReply(
  ctx: Context,
  conversation: Conversation,
  reply: ConversationReply,
): Promise<void> {
  const rendered = renderConversationReply(reply);
  const sent = await replyHtml(ctx, rendered.messages, rendered.buttons);
  if (ctx.chat) rememberSent(conversation, ctx.chat.id, sent);
}

/**
 * Asks `question` in the chat's conversation (or in the context of the bot
 * message it replies to), showing "typing…" while it works.
 */
export function askInConversation(
  ctx: Context,
  conversation: Conversation,
  question: string,
): Promise<ConversationReply> {
  const chatId = ctx.chat?.id ?? ctx.from?.id ?? 0;
  return withTyping(ctx, () => conversation.ask(chatKey(chatId), question, { context: replyContext(ctx) }));
}
