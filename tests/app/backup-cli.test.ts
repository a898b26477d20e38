import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";
import { storeFile, testArticle } from "../support/articles.js";

const root = path.resolve(".");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "backup-cli-"));
const index = path.join(work, "index");
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "src/cli/main.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INDEX_DIR: index, LOG_LEVEL: "silent" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("cli: backup and restore", () => {
  it("backs up news.db and subscriptions.db; a corrupted news.db names the file; restoring the backup works", () => {
    const db = openDb(index);
    const store = new ArticleStore(db);
    storeFile(
      store,
      "a.txt",
      [testArticle({ id: "aaaa0001", title: "陕州区召开动员部署会", district: "陕州区", source: "a.txt" })],
      "2026-01-01T00:00:00.000Z",
    );
    db.close();
    const subs = openDb(index, "subscriptions.db");
    subs.exec("CREATE TABLE IF NOT EXISTS marker (x)");
    subs.close();

    const dest = path.join(work, "saved");
    const b = cli(["backup", dest]);
    expect(b.err).toBe("");
    expect(b.code).toBe(0);
    expect(b.out).toContain(`Backup written to ${dest} (integrity checked):`);
    expect(fs.existsSync(path.join(dest, "news.db"))).toBe(true);
    expect(fs.existsSync(path.join(dest, "subscriptions.db"))).toBe(true);

    // Without a folder the backup goes to INDEX_DIR/backups/<time>.
    const d = cli(["backup"]);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(new RegExp(`Backup written to ${index}/backups/\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ`));

    // The disk damages news.db: every command names the file and points to the backup.
    const file = path.join(index, "news.db");
    fs.writeFileSync(file, Buffer.alloc(4096, 0x42));
    for (const f of ["news.db-wal", "news.db-shm"]) fs.rmSync(path.join(index, f), { force: true });
    const broken = cli(["sources"]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`the database ${file} is damaged`);
    expect(broken.err).toContain("npm run -s cli -- backup");

    // The documented restore: copy the backup's news.db back (no -wal/-shm left), then sources works again.
    fs.copyFileSync(path.join(dest, "news.db"), file);
    const fixed = cli(["sources"]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("陕州区");
  }, 120_000);
});
