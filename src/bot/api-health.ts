import { HttpError, type Transformer } from "grammy";
import { type Logger, scrubSecrets } from "../log.js";

/** Options of `pollingHealth`. */
export interface PollingHealthOptions {
  log: Logger;
  /** First wait after a failed getUpdates, in ms. Default 1000. */
  initialDelayMs?: number;
  /** Longest wait between attempts, in ms (TELEGRAM_RETRY_MAX_SECONDS). Default 30 000. */
  maxDelayMs?: number;
  /** Waits `ms` or until `signal` aborts; tests pass a fake that records the waits. */
  sleep?: (ms: number, signal?: StopSignal) => Promise<void>;
  /** Clock for the outage's length in the recovery log line. */
  now?: () => number;
}

/** The part of an abort signal the backoff needs (grammY's and Node's signals both fit). */
export interface StopSignal {
  aborted: boolean;
  addEventListener(type: "abort", fn: () => void, o?: { once: boolean }): void;
  removeEventListener(type: "abort", fn: () => void): void;
}

/** A sleep that ends early when `signal` aborts (the runner is stopping). */
function abortableSleep(ms: number, signal?: StopSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Removes a bot token from a request URL quoted in an error ("…/bot123:AA…/getMe"), whatever its shape. */
function withoutUrlToken(text: string): string {
  return scrubSecrets(text.replace(/\/bot[^/\s]+\//g, "/bot<token>/"));
}

/**
 * Why a Bot API call failed, in words an operator can act on: 401 is a bad
 * or revoked token, 409 another instance or a webhook, 5xx Telegram itself,
 * anything thrown a network problem (with its cause, e.g. ECONNREFUSED).
 * Secrets are removed.
 */
export function outageCause(res: { error_code?: number; description?: string } | undefined, err?: unknown): string {
  if (res) {
    const code = res.error_code;
    const hint =
      code === 401
        ? "the token is invalid or was revoked: check TELEGRAM_BOT_TOKEN"
        : code === 409
          ? "another instance is polling with this token, or a webhook is set"
          : code !== undefined && code >= 500
            ? "Telegram's servers are failing"
            : "the Bot API refused getUpdates";
    return withoutUrlToken(`${code ?? "?"} ${res.description ?? ""}: ${hint}`);
  }
  const inner = err instanceof HttpError ? err.error : err;
  const e = inner as { message?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
  const detail = [e?.code ?? e?.cause?.code, e?.message, e?.cause?.message].filter(Boolean).join(" ");
  return withoutUrlToken(`network: ${detail || String(inner)}`);
}

/**
 * An API transformer that keeps long polling alive through any Bot API
 * failure: a failed getUpdates (network error, 5xx, 401, 409, anything) is
 * retried with a backoff that doubles from `initialDelayMs` up to
 * `maxDelayMs` (about 30 s), instead of reaching @grammyjs/runner (which
 * stops for good on 401/409 and otherwise backs off up to an hour). Each
 * outage is logged once, with its cause, when it starts, and once when the
 * API answers again, with how long it was down. Other methods pass through.
 * Stopping the runner (its abort signal) ends the waiting at once.
 */
export function pollingHealth(opts: PollingHealthOptions): Transformer {
  const initial = opts.initialDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 30_000;
  const sleep = opts.sleep ?? abortableSleep;
  const now = opts.now ?? Date.now;
  let down: { since: number; cause: string; attempts: number } | undefined;
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    for (let delay = initial; ; delay = Math.min(max, delay * 2)) {
      let cause: string;
      try {
        const res = await prev(method, payload, signal);
        if (res.ok) {
          if (down) {
            opts.log.info(
              { downMs: now() - down.since, attempts: down.attempts, cause: down.cause },
              "Bot API reachable again",
            );
            down = undefined;
          }
          return res;
        }
        cause = outageCause(res);
      } catch (err) {
        if (signal?.aborted) throw err;
        cause = outageCause(undefined, err);
      }
      if (!down) {
        down = { since: now(), cause, attempts: 0 };
        opts.log.warn({ cause, retryMaxMs: max }, "Bot API unreachable: retrying getUpdates until it answers");
      }
      down.attempts++;
      await sleep(Math.min(delay, max), signal);
      if (signal?.aborted) throw new Error("polling stopped");
    }
  };
}
