import type { Db } from "../store/db.js";
import { openDb } from "../store/db.js";

/** Default time a conversation's context is kept after its last turn: 30 minutes. */
export const DEFAULT_SESSION_TTL_MS = 30 * 60_000;

/** Turns kept per conversation (the newest first is what a follow-up reads). */
export const MAX_TURNS = 5;

/**
 * What one turn of a conversation resolved: the question as understood, its
 * kind, and the entities a follow-up may refer to ("他", "这个会", "那X区呢").
 * Plain JSON, so it is stored as is.
 */
export interface Turn {
  /** The question as answered (after completion), e.g. "谁主持了孟州市委常委会？". */
  question: string;
  /** What kind of question it was: "timeline", "browse", or the answer intent ("preside", "when", …). */
  kind: string;
  /** Ids of the articles the answer cited, in citation order. */
  articleIds: string[];
  /** The meeting or event the answer was about ("孟州市委常委会暨理论学习中心组学习会"), when it was one. */
  meeting?: string;
  /** A second reading of the meeting, tried when `meeting` finds nothing (the event as the question named it). */
  meetingAlt?: string;
  /** The person the turn was about, or the first person its answer names. */
  person?: string;
  /** The district the turn was about. */
  district?: string;
  /** The date (YYYY-MM-DD) of the article the answer rests on. */
  date?: string;
  /** A browse turn: the query and the page shown, for "下一页". */
  browse?: { query: BrowseState; page: number };
  /** When the turn was stored (ms since the epoch). */
  at: number;
}

/** The serializable part of a browse query (see browse.ts). */
export interface BrowseState {
  district?: string;
  dateFrom?: string;
  dateTo?: string;
  /** A month asked without a year ("3月份"): also matches undated articles printed in that month. */
  month?: number;
  topic?: string;
  /** Only meetings ("开了哪些会"). */
  meetings?: boolean;
  /** The wording of the range, e.g. "2020年3月", for the list's heading. */
  label?: string;
}

/** Options of `SessionStore`. */
export interface SessionStoreOptions {
  /** How long a context is kept after its last turn (default 30 minutes). */
  ttlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Per-conversation memory of the last turns, in SQLite (table
 * `conversation_turns`), so that a restart keeps the context of running
 * conversations. A conversation is any string key: a chat ("tg:123"), one
 * of the bot's sent messages ("tg:123:msg:45", for replies to it), a CLI
 * session ("cli:demo"). Turns older than the time limit are never returned
 * and are deleted on the next write.
 */
export class SessionStore {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly ownsDb: boolean;

  /** Opens the store on a database handle, or on `INDEX_DIR/conversations.db` when given a folder. */
  constructor(dbOrDir: Db | string, opts: SessionStoreOptions = {}) {
    this.ownsDb = typeof dbOrDir === "string";
    this.db = typeof dbOrDir === "string" ? openDb(dbOrDir, "conversations.db") : dbOrDir;
    this.ttlMs = opts.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.now = opts.now ?? Date.now;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS conversation_turns (
        key TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, turn TEXT NOT NULL,
        PRIMARY KEY (key, seq)
      );
      CREATE INDEX IF NOT EXISTS conversation_turns_at ON conversation_turns(at);
    `);
  }

  readonly db: Db;

  /** The live turns of conversation `key`, newest first (empty when none or expired). */
  turns(key: string): Turn[] {
    const since = this.now() - this.ttlMs;
    const rows = this.db
      .prepare("SELECT turn FROM conversation_turns WHERE key = ? AND at >= ? ORDER BY seq DESC LIMIT ?")
      .all(key, since, MAX_TURNS) as { turn: string }[];
    const out: Turn[] = [];
    for (const r of rows) {
      try {
        out.push(JSON.parse(r.turn) as Turn);
      } catch {
        // A row that does not parse is no context; it is replaced on the next write.
      }
    }
    return out;
  }

  /** The newest live turn of `key`, or undefined. */
  last(key: string): Turn | undefined {
    return this.turns(key)[0];
  }

  /** Stores `turn` as the newest of `key`; keeps the last `MAX_TURNS` and drops expired turns of every key. */
  push(key: string, turn: Omit<Turn, "at">): Turn {
    const at = this.now();
    const full: Turn = { ...turn, at };
    const tx = this.db.transaction(() => {
      const seq =
        ((
          this.db.prepare("SELECT MAX(seq) AS s FROM conversation_turns WHERE key = ?").get(key) as { s: number | null }
        ).s ?? 0) + 1;
      this.db
        .prepare("INSERT INTO conversation_turns (key, seq, at, turn) VALUES (?, ?, ?, ?)")
        .run(key, seq, at, JSON.stringify(full));
      this.db.prepare("DELETE FROM conversation_turns WHERE key = ? AND seq <= ?").run(key, seq - MAX_TURNS);
      this.db.prepare("DELETE FROM conversation_turns WHERE at < ?").run(at - this.ttlMs);
    });
    tx();
    return full;
  }

  /** Copies the newest turn of `from` to `to` (the context of a sent message: a reply to it continues there). */
  copyLast(from: string, to: string): void {
    const turn = this.last(from);
    if (turn) {
      const { at: _at, ...rest } = turn;
      this.push(to, rest);
    }
  }

  /** Forgets conversation `key` (and, with `prefix`, every key that starts with it). Returns the turns removed. */
  clear(key: string, opts: { prefix?: boolean } = {}): number {
    const stmt = opts.prefix
      ? this.db.prepare("DELETE FROM conversation_turns WHERE key = ? OR key LIKE ? ESCAPE '\\'")
      : this.db.prepare("DELETE FROM conversation_turns WHERE key = ?");
    const like = `${key.replace(/[\\%_]/g, "\\$&")}:%`;
    return (opts.prefix ? stmt.run(key, like) : stmt.run(key)).changes;
  }

  /** Closes the database when the store opened it. */
  close(): void {
    if (this.ownsDb) this.db.close();
  }
}
