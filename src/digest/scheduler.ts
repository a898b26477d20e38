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
 */
export function createDigestScheduler(opts: DigestSchedulerOptions): DigestScheduler {
  const clock = opts.clock ?? { now: () => new Date() };
  const delays = opts.retryDelays?.length ? opts.retryDelays : [1, 5, 15, 60];
  const summarize = cachedSummarizer(opts.summarize ?? extractiveSummarizer);
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

  async function runOne(sub: Subscription, day: string, known: string[]): Promise<"sent" | "empty" | "failed"> {
    const now = clock.now();
    try {
      const fresh = newArticles(sub, known);
      if (fresh.length === 0) {
        opts.subscriptions.markRun(sub.chatId, day);
        return "empty";
      }
      const items = await toDigestItems(groupByDistrict(dedupeByTitle(fresh)), summarize);
      await opts.send(sub.chatId, { date: null, district: sub.districts.join("、") || null, items });
      const cursor = fresh.reduce((m, a) => (a.ingestedAt > m ? a.ingestedAt : m), "");
      opts.subscriptions.markRun(sub.chatId, day, { articleIds: fresh.map((a) => a.id), cursor: cursor || null });
      opts.log?.info({ chatId: sub.chatId, day, items: items.length }, "digest sent");
      return "sent";
    } catch (err) {
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
