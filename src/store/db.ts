import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A better-sqlite3 database handle. */
export type Db = Database.Database;

/**
 * Opens (creating when needed) the SQLite database `name` in `dir`, in WAL
 * mode so that readers (the bot) and a writer (an ingest) do not block each
 * other. Every table of derived state lives in `INDEX_DIR/news.db`.
 */
export function openDb(dir: string, name = "news.db"): Db {
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, name));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}
