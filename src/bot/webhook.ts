import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { type Logger, scrubSecrets } from "../log.js";

/** Largest update body accepted, in bytes (Telegram's updates are a few KB; 1 MB leaves room). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Constant-time comparison of the secret header with the expected secret. */
function secretMatches(got: string | string[] | undefined, want: string): boolean {
  if (typeof got !== "string") return false;
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The webhook's HTTP handler. Only POST with the right
 * `X-Telegram-Bot-Api-Secret-Token` is read (else 405 / 401); the body is
 * read up to `MAX_WEBHOOK_BODY_BYTES` (else 413) and must be a JSON update
 * object (else 400: malformed, cut off or not an update). A good update is
 * acknowledged with 200 at once and handled afterwards, so a slow answer
 * never makes Telegram resend it; any failure while handling is logged and
 * never reaches the process. Nothing a client sends can stop the server.
 */
export function webhookHandler(bot: Bot, secret: string, log: Logger) {
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const reply = (status: number, body = "") => {
      if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(body);
    };
    if (req.method !== "POST") {
      reply(405);
      return;
    }
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      reply(401, "secret token mismatch");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > MAX_WEBHOOK_BODY_BYTES) {
        refused = true;
        reply(413, "update too large");
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("error", (err) => {
      refused = true;
      log.warn({ err: { message: scrubSecrets(err.message) } }, "webhook request failed while reading");
      reply(400, "request body could not be read");
    });
    req.on("end", () => {
      if (refused) return;
      let update: Update;
      try {
        const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
        if (!parsed || typeof parsed !== "object" || typeof (parsed as Update).update_id !== "number") {
          throw new Error("not a Telegram update (no update_id)");
        }
        update = parsed as Update;
      } catch (err) {
        log.warn({ bytes: size, reason: scrubSecrets(String((err as Error).message)) }, "webhook body rejected");
        reply(400, "malformed update");
        return;
      }
      reply(200);
      bot.handleUpdate(update).catch((err: unknown) => {
        log.error({ err: { message: scrubSecrets(String((err as Error)?.message ?? err)) } }, "webhook update failed");
      });
    });
  };
}
