import { type Api, GrammyError } from "grammy";
import type { Digest } from "../core/types.js";
import type { Logger } from "../log.js";
import { digestKeyboard, renderDigest } from "./format/digest.js";

/**
 * The scheduler's `send`: renders a subscriber's digest in Telegram HTML and
 * sends it (split into ≤ 4096-char messages, one "📄 n" button per article
 * under the last). A rejection tells the
 * scheduler to retry later. A chat that blocked the bot or no longer exists
 * (403, "chat not found") is unsubscribed instead of being retried forever.
 */
export function digestSender(
  api: Api,
  unsubscribe: (chatId: number) => boolean,
  log: Logger,
): (chatId: number, digest: Digest) => Promise<void> {
  return async (chatId, digest) => {
    try {
      const messages = renderDigest(digest);
      for (const [i, text] of messages.entries()) {
        await api.sendMessage(chatId, text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(i === messages.length - 1 ? { reply_markup: digestKeyboard(digest) } : {}),
        });
      }
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 403 || /chat not found/i.test(err.description))) {
        unsubscribe(chatId);
        log.warn({ chatId, reason: err.description }, "chat unreachable: subscription removed");
        return;
      }
      throw err;
    }
  };
}
