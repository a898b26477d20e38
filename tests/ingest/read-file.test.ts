import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestPaths } from "../../src/ingest/ingest-paths.js";
import { readRegularFile } from "../../src/ingest/read-file.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-file-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const PAGE = "陕州区召开动员部署会\n\n2月1日，陕州区召开动员部署会。区委书记李军出席会议并讲话。\n";
const canFifo = process.platform !== "win32";

describe("readRegularFile", () => {
  it("reads a regular file, and a link to one", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "a.txt"), PAGE);
    fs.symlinkSync(path.join(dir, "a.txt"), path.join(dir, "link.txt"));
    for (const name of ["a.txt", "link.txt"]) {
      const r = await readRegularFile(path.join(dir, name), 1024);
      expect(r.ok && r.bytes.toString("utf8")).toBe(PAGE);
    }
  });

  it("refuses a link to /dev/zero without reading it", async () => {
    const dir = tempDir();
    fs.symlinkSync("/dev/zero", path.join(dir, "zero.txt"));
    const r = await readRegularFile(path.join(dir, "zero.txt"), 1024);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/不是普通文件（链接指向设备文件）/) });
  });

  it.runIf(canFifo)("refuses a FIFO without opening it (no writer: a blocking read would hang)", async () => {
    const dir = tempDir();
    execFileSync("mkfifo", [path.join(dir, "pipe.txt")]);
    const r = await readRegularFile(path.join(dir, "pipe.txt"), 1024);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/命名管道/) });
  });

  it("refuses a file over the cap, by its size and by the bytes actually read", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "big.txt"), Buffer.alloc(3 * 1024 * 1024, 0x41));
    const r = await readRegularFile(path.join(dir, "big.txt"), 1024 * 1024);
    expect(r).toEqual({ ok: false, reason: "文件过大（3.0 MB，上限 1.0 MB）：请按版面拆分成多个文件" });
  });
});

describe("ingest of a folder with special files", () => {
  it.runIf(canFifo)("skips a FIFO and a link to /dev/zero with a message, and ingests the rest", async () => {
    const dir = tempDir();
    const src = path.join(dir, "in");
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, "good.txt"), PAGE);
    fs.symlinkSync("/dev/zero", path.join(src, "zero.txt"));
    execFileSync("mkfifo", [path.join(src, "pipe.txt")]);
    const db = openDb(path.join(dir, "index"));
    cleanups.push(() => db.close());
    const summary = await ingestPaths([src], new ArticleStore(db));
    const by = new Map(summary.files.map((f) => [f.source, f]));
    expect(by.get("good.txt")?.status).toBe("added");
    expect(by.get("zero.txt")).toMatchObject({ status: "skipped", reason: expect.stringContaining("设备文件") });
    expect(by.get("pipe.txt")).toMatchObject({ status: "skipped", reason: expect.stringContaining("命名管道") });
    expect(summary.filesRead).toBe(1);
  });
});
