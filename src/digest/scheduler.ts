import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import type { Article, Digest } from "../core/types.js";
import { scrubSecrets } from "../log.js";
import type { ArticleStore } from "../store/articles.js";
import { dedupeByTitle, groupByDistrict, knownDistricts, resolveDistrict, toDigestItems } from "./build.js";
import { addDays, isValidTimeZone, localTime } from "./dates.js";
import type { Subscription, SubscriptionStore } from "./subscriptions.js";
import { extractiveSummarizer, type Summarizer } from "./summarize.js";

/** Something that logs (a pino logger fits). */
export interface SchedulerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Options of `createDigestScheduler`. */
export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  store: ArticleStore;
  /** Delivers a digest; a rejection means "not delivered" and the digest is retried at a later tick. */
  send: (chatId: number, digest: Digest) => Promise<void>;
  /** Injected clock (tests use a fake one); default: the system clock. */
  clock?: { now(): Date };
  /** Time zone of subscriptions that have none (normally they all have one). */
  timezone: string;
  log?: SchedulerLogger;
  /** Item summaries (default: extractive). */
  summarize?: Summarizer;
  /** Minutes to wait before retry n (1-based) of a failed send; the last value repeats. Default 1, 5, 15, 60. */
  retryDelays?: number[];
}

/** The digest scheduler: `start`/`stop` the minute timer, or drive it by hand with `tick`. */
export interface DigestScheduler {
  /** Starts the croner job that calls `tick` at the start of every minute, and runs one tick now (catch-up). */
  start(): void;
  /** Stops the timer. A tick already running finishes. */
  stop(): void;
  /** Sends every digest that is due at the clock's "now". Never throws; counts digests sent and sends failed. */
  tick(): Promise<{ sent: number; failed: number }>;
}

/** Articles ingested this long before the cursor are looked at again (and skipped when already sent). */
const OVERLAP_MS = 10 * 60_000;

/** A started send older than this is in doubt even when its pid is alive (the pid was reused): no send takes that long. */
const ATTEMPT_MAX_MS = 30 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Wraps `summarize` so that an article shared by many subscribers' digests
 * is summarized once (an LLM call costs time and money): summaries are kept
 * per article id and ingest time, the most recent `max` of them.
 */
export function cachedSummarizer(summarize: Summarizer, max = 5000): Summarizer {
  const cache = new Map<string, Promise<string>>();
  return (article) => {
    const key = `${article.id}@${article.ingestedAt}`;
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key);
    } else {
      hit = Promise.resolve(summarize(article));
      // A failed summary is not kept: the next digest tries again.
      hit.catch(() => cache.delete(key));
    }
    cache.set(key, hit);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return hit;
  };
}

/**
 * The local day whose run is due for `sub` at `now`, or undefined when that
 * run is already done or was scheduled before the subscription was last
 * created or changed. The due day is today once the subscriber's HH:MM has
 * passed, else yesterday: a run missed while the bot was down is therefore
 * caught up once, at the first tick after a restart, and never twice
 * (`lastRunDay` records it).
 */
export function dueDay(sub: Subscription, now: Date, fallbackTimezone: string): string | undefined {
  const tz = isValidTimeZone(sub.timezone) ? sub.timezone : fallbackTimezone;
  const local = localTime(now, tz);
  const day = local.time >= sub.time ? local.day : addDays(local.day, -1);
  if (sub.lastRunDay && sub.lastRunDay >= day) return undefined;
  const changed = localTime(new Date(sub.updatedAt), tz);
  if (`${changed.day} ${changed.timeWithSeconds}` >= `${day} ${sub.time}:00`) return undefined;
  return day;
}

/**
 * Creates the daily-digest scheduler. At each tick, every subscriber whose
 * HH:MM (in its time zone) has come gets a digest (`date: null`) of the
 * articles ingested since its previous digest (`store.list({ ingestedAfter
 * })`, its district only when it chose one), grouped by district in page
 * order. Nothing is sent when nothing is new. The cursor and the run day
 * move only after `send` resolves; a failed send is retried at later ticks
 * (after `retryDelays`) and its articles stay in the next digest, so none is
 * lost. Articles already delivered to a chat are never sent to it again,
 * even when their file is re-ingested.
 *
 * Exactly once, as far as it can be: each send is recorded (`recordAttempt`)
 * before it starts and cleared when its outcome is recorded. A record left
 * by a process that died in between — after Telegram may have accepted the
 * digest, before the run was recorded — is taken as delivered: the digest is
 * not sent again, and a warning is logged. The trade-off: a crash in that
 * window loses that one digest when Telegram had not accepted it yet (at most
 * once); every failure that is reported (`send` rejects) is retried (at least
 * once). A duplicate annoys every subscriber; a lost digest is one crash's
 * worth, and its articles stay listed by /digest.
 */
export function createDigestScheduler(opts: DigestSchedulerOptions): DigestScheduler {
  const clock = opts.clock ?? { now: () => new Date() };
  const delays = opts.retryDelays?.length ? opts.retryDelays : [1, 5, 15, 60];
  const summarize = cachedSummarizer(opts.summarize ?? extractiveSummarizer);
  /** Tells this scheduler's own send records from those of a dead process (even one that had the same pid). */
  const token = randomUUID();
  let job: Cron | undefined;
  let running: Promise<{ sent: number; failed: number }> | undefined;

  function newArticles(sub: Subscription, known: string[]): Article[] {
    const since = sub.cursor ?? sub.createdAt;
    const from = sub.cursor ? new Date(Date.parse(since) - OVERLAP_MS).toISOString() : since;
    const districts = sub.districts.map((d) => resolveDistrict(d, known) ?? d);
    const listed = opts.store
      .list({ ingestedAfter: from, ...(districts.length === 1 ? { district: districts[0] } : {}) })
      .filter(
        (a) => districts.length < 2 || [a.district, ...a.districts].some((d) => d !== null && districts.includes(d)),
      );
    const sent = opts.subscriptions.sentIds(
      sub.chatId,
      listed.map((a) => a.id),
    );
    return listed.filter((a) => !sent.has(a.id));
  }

  /**
   * Settles a send that was started and whose outcome was never recorded:
   * while another live process owns it, it is still sending ("busy");
   * otherwise the digest is taken as delivered ("settled", see
   * `createDigestScheduler`).
   */
  function settleAttempt(sub: Subscription, now: Date): "none" | "busy" | "settled" {
    const attempt = opts.subscriptions.attempt(sub.chatId);
    if (!attempt) return "none";
    // Ticks never overlap, so a record of this scheduler's own is never in flight here: its outcome was lost.
    const mine = attempt.ownerToken === token;
    const fresh = now.getTime() - Date.parse(attempt.at) < ATTEMPT_MAX_MS;
    if (!mine && fresh && attempt.ownerPid !== process.pid && processAlive(attempt.ownerPid)) return "busy";
    opts.subscriptions.markRun(sub.chatId, attempt.day, { articleIds: attempt.articleIds, cursor: attempt.cursor });
    opts.subscriptions.clearAttempt(sub.chatId);
    opts.log?.warn(
      { chatId: sub.chatId, day: attempt.day, articles: attempt.articleIds.length, startedAt: attempt.at },
      "a digest was being sent when the bot stopped: counted as delivered, not sent again",
    );
    return "settled";
  }

  async function runOne(
    sub: Subscription,
    day: string,
    known: string[],
  ): Promise<"sent" | "empty" | "failed" | "skipped"> {
    const now = clock.now();
    let sending = false;
    try {
      const settled = settleAttempt(sub, now);
      if (settled === "busy") return "skipped";
      const current = settled === "settled" ? opts.subscriptions.get(sub.chatId) : sub;
      if (!current || (current.lastRunDay && current.lastRunDay >= day)) return "skipped";
      const fresh = newArticles(current, known);
      if (fresh.length === 0) {
        opts.subscriptions.markRun(sub.chatId, day);
        return "empty";
      }
      const items = await toDigestItems(groupByDistrict(dedupeByTitle(fresh)), summarize);
      // ISO times sort as strings: the newest ingest time is the last one.
      const cursor =
        fresh
          .map((a) => a.ingestedAt)
          .sort()
          .at(-1) || null;
      const articleIds = fresh.map((a) => a.id);
      opts.subscriptions.recordAttempt({
        chatId: sub.chatId,
        day,
        articleIds,
        cursor,
        ownerPid: process.pid,
        ownerToken: token,
        at: now.toISOString(),
      });
      sending = true;
      await opts.send(sub.chatId, { date: null, district: sub.districts.join("、") || null, items });
      sending = false;
      opts.subscriptions.markRun(sub.chatId, day, { articleIds, cursor });
      opts.subscriptions.clearAttempt(sub.chatId);
      opts.log?.info({ chatId: sub.chatId, day, items: items.length }, "digest sent");
      return "sent";
    } catch (err) {
      // A send that failed is retried; a record that failed after a send went out stays in doubt (never resent).
      if (sending) opts.subscriptions.clearAttempt(sub.chatId);
      // Bot API errors can carry the token inside a URL: never store or log it.
      const message = scrubSecrets(err instanceof Error ? err.message : String(err));
      const delay = delays[Math.min(sub.failures, delays.length - 1)] ?? 60;
      const retryAt = new Date(now.getTime() + delay * 60_000);
      opts.subscriptions.markFailed(sub.chatId, message, retryAt);
      opts.log?.warn(
        { chatId: sub.chatId, day, failures: sub.failures + 1, retryAt: retryAt.toISOString(), err: message },
        "digest send failed; will retry",
      );
      return "failed";
    }
  }

  async function tickOnce(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    const now = clock.now();
    let known: string[] | undefined;
    for (const sub of opts.subscriptions.list()) {
      const day = dueDay(sub, now, opts.timezone);
      if (!day) continue;
      if (sub.failures > 0 && sub.retryAt && now.getTime() < Date.parse(sub.retryAt)) continue;
      known ??= knownDistricts(opts.store);
      const outcome = await runOne(sub, day, known);
      if (outcome === "sent") result.sent++;
      else if (outcome === "failed") result.failed++;
    }
    return result;
  }

  async function tick(): Promise<{ sent: number; failed: number }> {
    // Ticks never overlap: a tick that comes while one runs waits for it, then runs.
    const previous = running;
    const current = (async () => {
      if (previous) await previous.catch(() => undefined);
      try {
        return await tickOnce();
      } catch (err) {
        opts.log?.error({ err: scrubSecrets(err instanceof Error ? err.message : String(err)) }, "digest tick failed");
        return { sent: 0, failed: 0 };
      }
    })();
    running = current;
    try {
      return await current;
    } finally {
      if (running === current) running = undefined;
    }
  }

  return {
    start() {
      if (job) return;
      job = new Cron("* * * * *", { protect: true, name: "digest-scheduler" }, async () => {
        await tick();
      });
      void tick();
    },
    stop() {
      job?.stop();
      job = undefined;
    },
    tick,
  };
}
