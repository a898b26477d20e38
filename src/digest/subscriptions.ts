import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseNumber } from "../core/zh/numbers.js";
import { isValidTimeZone } from "./dates.js";

/** Days a delivered article id is remembered per chat (re-ingests older than that may be sent again). */
export const SENT_IDS_KEPT_DAYS = 60;

/** One chat's daily-digest subscription and the scheduler's state for it. */
export interface Subscription {
  chatId: number;
  /** Time of day, HH:MM, in `timezone`. */
  time: string;
  /** The first of `districts`, or null for all (kept for one-district readers). */
  district: string | null;
  /** Only these districts, in the order they were added; empty for all. */
  districts: string[];
  /** IANA time zone of `time`, e.g. "Asia/Shanghai". */
  timezone: string;
  /** When the subscription was created, ISO 8601 UTC. */
  createdAt: string;
  /** When it was last created or changed (runs scheduled before this are not caught up). */
  updatedAt: string;
  /** When a digest was last delivered, or null. */
  lastSentAt: string | null;
  /** The local day (YYYY-MM-DD) of the last completed run (sent, or nothing new), or null. */
  lastRunDay: string | null;
  /** `ingestedAt` of the newest article delivered: the next digest starts after it. Null: from `createdAt`. */
  cursor: string | null;
  /** Failed sends since the last success (a pending retry when > 0). */
  failures: number;
  /** Not before this instant is a failed send retried, or null. */
  retryAt: string | null;
  /** Message of the last failed send, or null. */
  lastError: string | null;
}

/** A digest send recorded before it starts (`recordAttempt`), cleared once its outcome is recorded. */
export interface DigestAttempt {
  chatId: number;
  /** The local day of the run. */
  day: string;
  /** The articles in the digest being sent. */
  articleIds: string[];
  /** The cursor the run moves to when delivered. */
  cursor: string | null;
  /** The sending process: its pid and a token unique to that process's scheduler. */
  ownerPid: number;
  ownerToken: string;
  /** When the send started, ISO 8601. */
  at: string;
}

/** What `subscribe` accepts. */
export interface SubscribeOptions {
  /** HH:MM (24 h), or any form `parseTimeOfDay` reads ("8点半", "晚上8点"). */
  time: string;
  /** One district (same as `districts: [district]`). */
  district?: string | null;
  /** Only these districts; empty or absent (with no `district`): all. */
  districts?: readonly string[] | null;
  /** Default: the store's default time zone. */
  timezone?: string;
}

interface Row {
  chat_id: number;
  time: string;
  district: string | null;
  districts: string | null;
  timezone: string;
  created_at: string;
  updated_at: string;
  last_sent_at: string | null;
  last_run_day: string | null;
  cursor: string | null;
  failures: number;
  retry_at: string | null;
  last_error: string | null;
}

function districtsOf(r: Row): string[] {
  if (r.districts) {
    try {
      const list = JSON.parse(r.districts) as unknown;
      if (Array.isArray(list)) return list.filter((d): d is string => typeof d === "string" && d !== "");
    } catch {
      // A damaged list falls back to the one-district column.
    }
  }
  return r.district ? [r.district] : [];
}

function toSubscription(r: Row): Subscription {
  const districts = districtsOf(r);
  return {
    chatId: r.chat_id,
    time: r.time,
    district: districts[0] ?? null,
    districts,
    timezone: r.timezone,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastSentAt: r.last_sent_at,
    lastRunDay: r.last_run_day,
    cursor: r.cursor,
    failures: r.failures,
    retryAt: r.retry_at,
    lastError: r.last_error,
  };
}

/**
 * Parts of the day as people say them, with the hour each means alone
 * ("早上" → 08:00) and how a 12-hour clock hour after it is read: "pm" adds
 * 12 to 1–11 (下午3点 → 15:00, 晚上12点 → 00:00), "noon" adds 12 to 1–5
 * (中午1点 → 13:00), "am" keeps it (早上8点 → 08:00).
 */
const DAY_PARTS: readonly { words: readonly string[]; alone: number; clock: "am" | "noon" | "pm" }[] = [
  { words: ["凌晨"], alone: 5, clock: "am" },
  { words: ["早上", "早晨", "清晨", "早"], alone: 8, clock: "am" },
  { words: ["上午"], alone: 9, clock: "am" },
  { words: ["中午", "午间"], alone: 12, clock: "noon" },
  { words: ["下午", "午后"], alone: 15, clock: "pm" },
  { words: ["傍晚"], alone: 18, clock: "pm" },
  { words: ["晚上", "晚间", "今晚", "夜里", "晚"], alone: 20, clock: "pm" },
];

/** A 0–59 (or 0–23) count written in digits or Chinese numerals ("8", "八", "十五"); undefined otherwise. */
function smallCount(text: string | undefined): number | undefined {
  if (text === undefined || text === "") return undefined;
  const v = parseNumber(text);
  return v !== null && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * Reads a time of day in the forms people type: "8:00", "08:00", "８：３０",
 * "0800", "8", "8点", "8点半", "8点一刻", "20点15分", "八点", and with a part
 * of the day before it: "早上8点", "下午3点" → 15:00, "晚上8点半" → 20:30, or
 * alone: "早上" → 08:00, "晚上" → 20:00. Returns HH:MM (24 h), or undefined
 * when it is not a valid time of day.
 */
export function parseTimeOfDay(input: string): string | undefined {
  let t = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ":")
    .replace(/\s+/g, "");
  const part = DAY_PARTS.find((p) => p.words.some((w) => t.startsWith(w)));
  if (part) {
    const word = part.words.find((w) => t.startsWith(w)) ?? "";
    t = t.slice(word.length);
    if (t === "") return `${String(part.alone).padStart(2, "0")}:00`;
  }
  let h: number | undefined;
  let min: number | undefined;
  const compact = /^(\d{2})(\d{2})$/.exec(t);
  const colon = /^(\d{1,2}):(\d{2})$/.exec(t);
  const spoken =
    /^([\d〇零一二两三四五六七八九十]{1,3})(?:[点點时時](?:(半)|(一刻)|(三刻)|(整)|([\d〇零一二三四五六七八九十]{1,3})分?)?)?$/.exec(
      t,
    );
  if (compact) [h, min] = [Number(compact[1]), Number(compact[2])];
  else if (colon) [h, min] = [Number(colon[1]), Number(colon[2])];
  else if (spoken && (part || /^\d+$/.test(spoken[1] ?? "") || t.length > (spoken[1] ?? "").length)) {
    h = smallCount(spoken[1]);
    min = spoken[2] ? 30 : spoken[3] ? 15 : spoken[4] ? 45 : spoken[6] !== undefined ? smallCount(spoken[6]) : 0;
  }
  if (h === undefined || min === undefined || h > 23 || min > 59) return undefined;
  if (part && h <= 12) {
    if (part.clock === "pm" && h < 12) h += 12;
    else if (part.clock === "pm" && h === 12 && part.alone >= 20) h = 0;
    else if (part.clock === "noon" && h >= 1 && h <= 5) h += 12;
  }
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/**
 * The daily-digest subscriptions, in their own SQLite file
 * (`config.digest.subscriptionsDb`, default `INDEX_DIR/subscriptions.db`),
 * separate from the derived article index so that rebuilding the index never
 * loses a subscriber. One row per chat: its time, district and time zone,
 * plus the scheduler's state (last run day, cursor, pending retry).
 */
export class SubscriptionStore {
  readonly db: Database.Database;
  private readonly now: () => Date;

  /**
   * Opens (creating when needed) the database at `file`. `defaultTimezone`
   * is used when `subscribe` gets none; `now` is the clock for timestamps.
   */
  constructor(
    file: string,
    readonly defaultTimezone = "Asia/Shanghai",
    now: () => Date = () => new Date(),
  ) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.now = now;
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subscriptions (
        chat_id INTEGER PRIMARY KEY, time TEXT NOT NULL, district TEXT, timezone TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_sent_at TEXT, last_run_day TEXT,
        cursor TEXT, failures INTEGER NOT NULL DEFAULT 0, retry_at TEXT, last_error TEXT
      );
      CREATE TABLE IF NOT EXISTS digest_sent (
        chat_id INTEGER NOT NULL, article_id TEXT NOT NULL, sent_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, article_id)
      );
      CREATE INDEX IF NOT EXISTS digest_sent_at ON digest_sent(sent_at);
      CREATE TABLE IF NOT EXISTS digest_attempt (
        chat_id INTEGER PRIMARY KEY, day TEXT NOT NULL, article_ids TEXT NOT NULL, cursor TEXT,
        owner_pid INTEGER NOT NULL, owner_token TEXT NOT NULL, at TEXT NOT NULL
      );
    `);
    const columns = this.db.prepare("PRAGMA table_info(subscriptions)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "districts")) {
      // Databases from before several districts per chat: one district becomes a list of one.
      this.db.exec(`ALTER TABLE subscriptions ADD COLUMN districts TEXT;
        UPDATE subscriptions SET districts = json_array(district) WHERE district IS NOT NULL;`);
    }
  }

  /**
   * Subscribes `chatId`, or changes its subscription (time, districts, time
   * zone) keeping its delivery state. Throws an Error with a Chinese message
   * for a bad time or time zone. Returns the stored subscription.
   */
  subscribe(chatId: number, opts: SubscribeOptions): Subscription {
    if (!Number.isSafeInteger(chatId)) throw new Error(`chat id ${chatId} 不是整数`);
    const time = parseTimeOfDay(opts.time);
    if (!time)
      throw new Error(`“${opts.time}”不是有效的时间，请用 24 小时制 HH:MM（如 08:00），或 8点半、晚上8点 这样的写法。`);
    const timezone = opts.timezone?.trim() || this.defaultTimezone;
    if (!isValidTimeZone(timezone)) throw new Error(`“${timezone}”不是有效的时区，例如 Asia/Shanghai。`);
    const districts = [
      ...new Set((opts.districts ?? (opts.district ? [opts.district] : [])).map((d) => d.trim()).filter(Boolean)),
    ];
    const now = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO subscriptions (chat_id, time, district, districts, timezone, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(chat_id) DO UPDATE SET time = excluded.time, district = excluded.district,
           districts = excluded.districts, timezone = excluded.timezone, updated_at = excluded.updated_at`,
      )
      .run(chatId, time, districts[0] ?? null, JSON.stringify(districts), timezone, now, now);
    return this.get(chatId) as Subscription;
  }

  /**
   * Removes one district from `chatId`'s subscription. When it was the only
   * one, the whole subscription is removed (it never silently widens to all
   * districts). Returns what happened.
   */
  removeDistrict(chatId: number, district: string): "removed" | "unsubscribed" | "not-subscribed" {
    const sub = this.get(chatId);
    if (!sub?.districts.includes(district)) return "not-subscribed";
    const rest = sub.districts.filter((d) => d !== district);
    if (rest.length === 0) {
      this.unsubscribe(chatId);
      return "unsubscribed";
    }
    this.subscribe(chatId, { time: sub.time, districts: rest, timezone: sub.timezone });
    return "removed";
  }

  /** Removes `chatId`'s subscription (and its delivery history). Returns whether there was one. */
  unsubscribe(chatId: number): boolean {
    const tx = this.db.transaction(() => {
      this.db.prepare("DELETE FROM digest_sent WHERE chat_id = ?").run(chatId);
      return this.db.prepare("DELETE FROM subscriptions WHERE chat_id = ?").run(chatId).changes > 0;
    });
    return tx();
  }

  /** `chatId`'s subscription, or undefined. */
  get(chatId: number): Subscription | undefined {
    const r = this.db.prepare("SELECT * FROM subscriptions WHERE chat_id = ?").get(chatId) as Row | undefined;
    return r ? toSubscription(r) : undefined;
  }

  /** Every subscription, by chat id. */
  list(): Subscription[] {
    return (this.db.prepare("SELECT * FROM subscriptions ORDER BY chat_id").all() as Row[]).map(toSubscription);
  }

  /** Which of `articleIds` were already delivered to `chatId`. */
  sentIds(chatId: number, articleIds: string[]): Set<string> {
    const rows = this.db
      .prepare(
        "SELECT article_id AS id FROM digest_sent WHERE chat_id = ? AND article_id IN (SELECT value FROM json_each(?))",
      )
      .all(chatId, JSON.stringify(articleIds)) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Records a completed run for local day `day`: when `delivered` is given, a
   * digest with those articles was sent (cursor moves to the newest
   * `ingestedAt`, the ids are remembered); otherwise there was nothing new.
   * Clears any pending retry.
   */
  markRun(chatId: number, day: string, delivered?: { articleIds: string[]; cursor: string | null }): void {
    const now = this.now().toISOString();
    const tx = this.db.transaction(() => {
      // Unsubscribed meanwhile (e.g. the chat blocked the bot during the send): nothing to record.
      if (!this.get(chatId)) return;
      if (delivered) {
        const ins = this.db.prepare(
          "INSERT OR IGNORE INTO digest_sent (chat_id, article_id, sent_at) VALUES (?, ?, ?)",
        );
        for (const id of delivered.articleIds) ins.run(chatId, id, now);
        // The sent ids guard the cursor's overlap window and re-ingested files; old ones are forgotten.
        const horizon = new Date(this.now().getTime() - SENT_IDS_KEPT_DAYS * 86_400_000).toISOString();
        this.db.prepare("DELETE FROM digest_sent WHERE sent_at < ?").run(horizon);
        const old = this.get(chatId)?.cursor ?? null;
        const cursor = old && (!delivered.cursor || old > delivered.cursor) ? old : delivered.cursor;
        this.db
          .prepare(
            `UPDATE subscriptions SET last_run_day = ?, last_sent_at = ?, cursor = ?,
               failures = 0, retry_at = NULL, last_error = NULL WHERE chat_id = ?`,
          )
          .run(day, now, cursor, chatId);
      } else {
        this.db
          .prepare(
            "UPDATE subscriptions SET last_run_day = ?, failures = 0, retry_at = NULL, last_error = NULL WHERE chat_id = ?",
          )
          .run(day, chatId);
      }
    });
    tx();
  }

  /** Records a failed send: the run stays pending and is retried not before `retryAt`. */
  markFailed(chatId: number, error: string, retryAt: Date): void {
    this.db
      .prepare("UPDATE subscriptions SET failures = failures + 1, retry_at = ?, last_error = ? WHERE chat_id = ?")
      .run(retryAt.toISOString(), error.slice(0, 500), chatId);
  }

  /** Records that a digest send to `attempt.chatId` starts now (replacing any earlier record). */
  recordAttempt(attempt: DigestAttempt): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO digest_attempt (chat_id, day, article_ids, cursor, owner_pid, owner_token, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        attempt.chatId,
        attempt.day,
        JSON.stringify(attempt.articleIds),
        attempt.cursor,
        attempt.ownerPid,
        attempt.ownerToken,
        attempt.at,
      );
  }

  /** The send to `chatId` recorded as started and not yet finished, or undefined. */
  attempt(chatId: number): DigestAttempt | undefined {
    const r = this.db.prepare("SELECT * FROM digest_attempt WHERE chat_id = ?").get(chatId) as
      | {
          chat_id: number;
          day: string;
          article_ids: string;
          cursor: string | null;
          owner_pid: number;
          owner_token: string;
          at: string;
        }
      | undefined;
    if (!r) return undefined;
    return {
      chatId: r.chat_id,
      day: r.day,
      articleIds: JSON.parse(r.article_ids) as string[],
      cursor: r.cursor,
      ownerPid: r.owner_pid,
      ownerToken: r.owner_token,
      at: r.at,
    };
  }

  /** Forgets the started send to `chatId` (its outcome is recorded). */
  clearAttempt(chatId: number): void {
    this.db.prepare("DELETE FROM digest_attempt WHERE chat_id = ?").run(chatId);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
