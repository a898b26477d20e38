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
 * How a reply is threaded: in groups it replies to the message it answers
 * (the question, or the edited question), and is still sent when that
 * message was deleted meanwhile. In private chats, and for button presses,
 * nothing is threaded.
 */
export function threadTo(ctx: Context): {
  reply_parameters?: { message_id: number; allow_sending_without_reply: true };
} {
  const msg = ctx.message ?? ctx.editedMessage;
  if (!msg || ctx.chat?.type === "private") return {};
  return { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } };
}

/**
 * Sends HTML messages in order, in the update's chat; the buttons (if any)
 * go with the last message, so they sit under the source list. In groups each
 * message replies to the question (`threadTo`). Link previews are off: the
 * messages never need them. Returns the sent messages.
 */
export async function replyHtml(
  ctx: Context,
  messages: string[],
  buttons: CitationButton[] | InlineKeyboard = [],
): Promise<Message.TextMessage[]> {
  const keyboard = Array.isArray(buttons) ? keyboardOf(buttons) : buttons;
  const sent: Message.TextMessage[] = [];
  for (const [i, text] of messages.entries()) {
    const last = i === messages.length - 1;
    sent.push(
      await ctx.reply(text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...threadTo(ctx),
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      }),
    );
  }
  return sent;
}

/** Longest wait for the first "typing…" to be accepted before the work starts anyway, in ms. */
const FIRST_TYPING_WAIT_MS = 1500;

/**
 * Shows "typing…" in the chat while `work` runs. The first indicator is sent
 * (and waited for, up to 1.5 s) before the work starts, so that a phone sees
 * it at once even when the work keeps the process busy. Telegram clears the
 * indicator after about five seconds, so it is renewed every four. Failures
 * to send the indicator are ignored (it is cosmetic).
 */
export async function withTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const ping = () =>
    ctx.replyWithChatAction("typing").then(
      () => undefined,
      () => undefined,
    );
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([ping(), new Promise<void>((r) => (waited = setTimeout(r, FIRST_TYPING_WAIT_MS)))]);
  clearTimeout(waited);
  const timer = setInterval(ping, 4000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
