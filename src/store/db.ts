import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A better-sqlite3 database handle. */
export type Db = Database.Database;

/** The error codes of a SQLite or file-system failure, and what each means for the user. */
function kindOf(code: string): "damaged" | "readonly" | "full" | "busy" | undefined {
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return "damaged";
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) || /^(EROFS|EACCES|EPERM)$/.test(code)) return "readonly";
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") return "full";
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return "busy";
  return undefined;
}

/** An error about database `file` that names it and says what to do; `code` and `cause` are kept. */
export class DbError extends Error {
  readonly code: string;
  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause });
    this.name = "DbError";
    this.code = code;
  }
}

/**
 * Turns a failure of SQLite or of the file system on database `file` into
 * an error a user can act on: a damaged file (`file is not a database`,
 * corruption) says to restore it from a backup (`cli backup`) or rebuild it;
 * a read-only or unwritable place and a full disk name the path. Other
 * errors keep their message, prefixed with the file. A `DbError` is returned
 * as it is.
 */
export function explainDbError(err: unknown, file: string): Error {
  if (err instanceof DbError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : String(err);
  const dir = path.dirname(file);
  switch (kindOf(code)) {
    case "damaged":
      return new DbError(
        `the database ${file} is damaged (${message}). Stop the bot, then restore the last backup (made by \`npm run -s cli -- backup\`): copy its news.db over ${file}, delete ${file}-wal and ${file}-shm, and run \`npm run -s cli -- ingest --rebuild\`. Without a backup, move ${file} aside and run \`npm run -s cli -- ingest --rebuild\` to read the bulletins again. See docs/reliability.md.`,
        code,
        err,
      );
    case "readonly":
      return new DbError(
        `cannot write the database ${file} (${code}: ${message}): the folder ${dir} is read-only or not writable by this user. Make it writable, or point INDEX_DIR at a writable folder.`,
        code,
        err,
      );
    case "full":
      return new DbError(
        `the disk holding ${file} is full (${code}: ${message}). Free some space on it (or move INDEX_DIR to a bigger disk) and run the command again; what was stored before is kept.`,
        code,
        err,
      );
    case "busy":
      return new DbError(
        `the database ${file} is locked by another process (${message}); try again when it has finished.`,
        code,
        err,
      );
    default:
      return new DbError(`${file}: ${message}`, code, err);
  }
}

/**
 * Opens (creating when needed) the SQLite database `name` in `dir`, in WAL
 * mode so that readers (the bot) and a writer (an ingest) do not block each
 * other. Every table of derived state lives in `INDEX_DIR/news.db`. A file
 * that is not a database, a read-only folder or a full disk throws an error
 * that names the path and says what to do (`explainDbError`).
 */
export function openDb(dir: string, name = "news.db"): Db {
  const file = path.join(dir, name);
  let db: Db | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    // Reads the schema: a file whose header survived but whose first pages did not fails here, not later.
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch (err) {
    db?.close();
    throw explainDbError(err, file);
  }
}
