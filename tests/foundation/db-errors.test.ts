import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/ingest/ingest-paths.js";
import { ArticleStore } from "../../src/store/articles.js";
import { backupDb } from "../../src/store/backup.js";
import { explainDbError, openDb } from "../../src/store/db.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-err-"));
  cleanups.push(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe("news.db errors name the file and say what to do", () => {
  it("a corrupted news.db: the error names the file and says to restore from `backup` or rebuild", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "news.db"), Buffer.alloc(8192, 0x5a));
    const file = path.join(dir, "news.db");
    expect(() => openDb(dir)).toThrow(file);
    expect(() => openDb(dir)).toThrow(/damaged \(file is not a database\).*npm run -s cli -- backup.*ingest --rebuild/);
  });

  it("a news.db truncated after its header is caught at open too", () => {
    const dir = tempDir();
    const db = openDb(dir);
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('a');");
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const file = path.join(dir, "news.db");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xff)]));
    for (const f of ["news.db-wal", "news.db-shm"]) fs.rmSync(path.join(dir, f), { force: true });
    expect(() => openDb(dir)).toThrow(new RegExp(`${file.replace(/[.]/g, "\\.")} is damaged`));
  });

  it("a read-only index folder: the error names the path", () => {
    const dir = tempDir();
    const ro = path.join(dir, "ro");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    fs.chmodSync(dir, 0o755);
    const script = `import { openDb } from ${JSON.stringify(path.join(ROOT, "src/store/db.ts"))};
try { openDb(${JSON.stringify(ro)}); console.log("opened"); } catch (e) { console.log(e.message); }`;
    // root ignores permissions: run the child as root without the capabilities
    // that override them (setpriv, util-linux), so it still reads the project
    // (which may sit in a folder only root can enter) but cannot write `ro`.
    const node = [process.execPath, "--import", "tsx", "--input-type=module", "-e", script];
    const asRoot = process.getuid?.() === 0;
    const caps = "-dac_override,-dac_read_search";
    const [cmd, ...args] = asRoot ? ["setpriv", `--bounding-set=${caps}`, `--inh-caps=${caps}`, "--", ...node] : node;
    const out = spawnSync(cmd as string, args, { cwd: ROOT, encoding: "utf8" });
    expect(out.stdout).toContain(`cannot write the database ${path.join(ro, "news.db")}`);
    expect(out.stdout).toContain(`the folder ${ro} is read-only or not writable`);
  });

  it("a full disk during an ingest stops the run with an error naming news.db, instead of skipping files", async () => {
    const dir = tempDir();
    const db = openDb(path.join(dir, "index"));
    cleanups.push(() => db.close());
    const store = new ArticleStore(db);
    // SQLite's own limit gives the real SQLITE_FULL a full disk gives.
    const pages = db.pragma("page_count", { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const page = path.join(dir, "page.txt");
    fs.writeFileSync(
      page,
      `陕州区召开动员部署会\n\n${"2月1日，陕州区召开动员部署会。区委书记李军出席会议并讲话。".repeat(200)}\n`,
    );
    await expect(ingestPaths([page], store)).rejects.toThrow(
      `the disk holding ${path.join(dir, "index", "news.db")} is full`,
    );
  });

  it("keeps other errors' message and names the file", () => {
    const e = explainDbError(Object.assign(new Error("boom"), { code: "SQLITE_ERROR" }), "/x/news.db");
    expect(e.message).toBe("/x/news.db: boom");
  });
});

describe("backupDb", () => {
  it("copies a database that is being written into a sound file, and refuses to overwrite it", async () => {
    const dir = tempDir();
    const db = openDb(dir);
    cleanups.push(() => db.close());
    db.exec("CREATE TABLE t (x TEXT)");
    const ins = db.prepare("INSERT INTO t VALUES (?)");
    for (let i = 0; i < 2000; i++) ins.run(`row ${i}`);
    const dest = path.join(dir, "backups", "b1", "news.db");
    const r = await backupDb(db, dest);
    expect(r.file).toBe(dest);
    expect(fs.existsSync(`${dest}.partial`)).toBe(false);
    const copy = openDb(path.dirname(dest));
    expect(copy.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 2000 });
    copy.close();
    await expect(backupDb(db, dest)).rejects.toThrow("already exists");
  });
});
