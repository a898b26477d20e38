import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { loadConfig } from "../../config/env.js";
import { SubscriptionStore } from "../../digest/subscriptions.js";
import { backupDb } from "../../store/backup.js";
import { openDb } from "../../store/db.js";

/** The default backup folder: `INDEX_DIR/backups/<UTC time>`. */
export function defaultBackupDir(indexDir: string, now = new Date()): string {
  return path.join(
    indexDir,
    "backups",
    now
      .toISOString()
      .replace(/:/g, "-")
      .replace(/\.\d+Z$/, "Z"),
  );
}

/**
 * `backup [folder]`: copies INDEX_DIR/news.db (the articles, the source of
 * truth of the index) and the subscriptions database into `folder`
 * (default `INDEX_DIR/backups/<time>`) with SQLite's online backup API, safe
 * while the bot runs. Restoring is described in docs/reliability.md.
 */
export function backupCommand(): Command {
  return new Command("backup")
    .description("Copy news.db and subscriptions.db into a folder (online, safe while the bot runs)")
    .argument("[folder]", "where to write the copies (default: INDEX_DIR/backups/<time>)")
    .addHelpText(
      "after",
      "\nExamples:\n  npm run -s cli -- backup\n  npm run -s cli -- backup /mnt/usb/news-backup\n\nRestore: stop the bot, copy news.db (and subscriptions.db) back into INDEX_DIR, delete their -wal and -shm files, then run `npm run -s cli -- ingest --rebuild`.",
    )
    .action(async (folder: string | undefined) => {
      const config = loadConfig();
      const dir = path.resolve(folder ?? defaultBackupDir(config.indexDir));
      const lines: string[] = [];
      const db = openDb(config.indexDir);
      try {
        const r = await backupDb(db, path.join(dir, "news.db"));
        lines.push(`  ${r.file}  ${r.bytes} bytes`);
      } finally {
        db.close();
      }
      if (fs.existsSync(config.digest.subscriptionsDb)) {
        const subs = new SubscriptionStore(config.digest.subscriptionsDb);
        try {
          const r = await backupDb(subs.db, path.join(dir, "subscriptions.db"));
          lines.push(`  ${r.file}  ${r.bytes} bytes`);
        } finally {
          subs.close();
        }
      }
      process.stdout.write(`Backup written to ${dir} (integrity checked):\n${lines.join("\n")}\n`);
    });
}
