import { type Context, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { CitationButton } from "./format/answer.js";

/** Buttons per keyboard row. */
const BUTTONS_PER_ROW = 3;

/** Builds an inline keyboard, three buttons per row. */
export function keyboardOf(buttons: CitationButton[]): InlineKeyboard | undefined {
  if (buttons.length === 0) return undefined;
  const kb = new InlineKeyboard();
  buttons.forEach((b, i) => {
    if (i > 0 && i % BUTTONS_PER_ROW === 0) kb.row();
    kb.text(b.text, b.data);
  });
  return kb;
}

/**
 * Sends HTML messages in order, in the update's chat; the buttons (if any)
 * go with the last message, so they sit under the source list. Link previews
 * are off: the messages never need them. Returns the messages sent.
 */
export async function replyHtml(
  ctx: Context,
  messages: string[],
  buttons: CitationButton[] = [],
): Promise<Message.TextMessage[]> {
  const keyboard = keyboardOf(buttons);
  const sent: Message.TextMessage[] = [];
  for (const [i, text] of messages.entries()) {
    const last = i === messages.length - 1;
    const m = await ctx.reply(text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
    sent.push(m);
  }
  return sent;
}

/**
 * Shows "typing…" in the chat while `work` runs: Telegram clears the
 * indicator after about five seconds, so it is renewed every four. Failures
 * to send the indicator are ignored (it is cosmetic).
 */
export async function withTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const ping = () => ctx.replyWithChatAction("typing").catch(() => undefined);
  void ping();
  const timer = setInterval(ping, 4000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
