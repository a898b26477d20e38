import type { RunIngestResult } from "../app/ingest.js";
import type { Conversation } from "../converse/conversation.js";
import type { Answer, Article, Digest } from "../core/types.js";
import type { Logger } from "../log.js";
import type { DistrictStats } from "./format/sources.js";

/** Result of parsing a user's date ("2020-03-28", "昨天", "3月27日"). */
export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };

/** Result of building a digest: the digest, or a message (with the nearest days that have news). */
export type DigestResult = { ok: true; digest: Digest } | { ok: false; message: string; nearestDays: string[] };

/** A stored digest subscription, as far as the bot needs to know it. */
export interface SubscriptionView {
  /** HH:MM */
  time: string;
  /** Only these districts; empty for all. */
  districts: string[];
}

/**
 * Everything the bot's handlers need, injected so that the handlers can be
 * tested with small fakes and wired to the real layers by `openApp`
 * (src/app/open.ts) in production.
 */
export interface BotDeps {
  /** Answers a question with citations (src/answer). */
  answerer: { ask(question: string, opts?: { district?: string }): Promise<Answer> };
  /** The conversation layer (src/converse): when set, questions go through it (follow-ups, lists, /new, /search). */
  conversation?: Conversation;
  /** Read access to the stored articles. */
  store: {
    get(id: string): Article | undefined;
    list(filter?: { source?: string }): Article[];
    districts(): DistrictStats[];
    days(district?: string): { date: string; count: number }[];
    count(): number;
  };
  /** Digest functions (src/digest). */
  digest: {
    parseDate(input: string, now: Date, timezone: string): ParsedDate;
    build(opts: { date?: string; district?: string; now?: Date }): Promise<DigestResult>;
  };
  /** Digest subscriptions (src/digest/subscriptions.ts). */
  subscriptions: {
    subscribe(chatId: number, opts: { time: string; districts: string[] }): unknown;
    unsubscribe(chatId: number): boolean;
    /** Removes one district; the last one removes the subscription. */
    removeDistrict(chatId: number, district: string): "removed" | "unsubscribed" | "not-subscribed";
    get(chatId: number): SubscriptionView | undefined;
  };
  /** Ingests bulletin files and refreshes the retriever; serialized by the app (`onWait`: this one waits for another). */
  ingest(paths: string[], opts?: { onWait?: () => void }): Promise<RunIngestResult>;
  /** Where uploaded bulletins are saved (the bulletins folder, so a re-ingest keeps them). */
  uploadsDir: string;
  /** Time zone for "today" and subscription times. */
  timezone: string;
  /** Time used by `/subscribe` without a time (HH:MM). */
  defaultDigestTime: string;
  /** Chats allowed to use the bot; empty: everyone. */
  allowedChatIds: number[];
  /** Chats (or users) allowed to upload bulletins. */
  adminChatIds: number[];
  log: Logger;
  /** Clock, for tests. */
  now?: () => Date;
}
