import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Db, DbError, explainDbError } from "./db.js";

/** What `backupDb` wrote. */
export interface BackupResult {
  /** The backup file. */
  file: string;
  bytes: number;
}

/**
 * Copies the open database `db` to `dest` with SQLite's online backup API
 * (better-sqlite3 `db.backup`), page batch by page batch, so the bot and an
 * ingest can keep reading and writing meanwhile and the copy is one
 * consistent snapshot. The copy is written as `dest.partial`, checked with
 * `PRAGMA integrity_check`, and only then renamed to `dest`: a file at
 * `dest` is always a whole, sound backup. Refuses to overwrite `dest`.
 */
export async function backupDb(db: Db, dest: string): Promise<BackupResult> {
  if (fs.existsSync(dest)) throw new Error(`${dest} already exists: choose another backup path`);
  const partial = `${dest}.partial`;
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.rmSync(partial, { force: true });
    await db.backup(partial);
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok")
        throw new DbError(`the backup ${partial} failed its integrity check: ${check}`, "BACKUP", check);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, dest);
    return { file: dest, bytes: fs.statSync(dest).size };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw explainDbError(err, dest);
  }
}
