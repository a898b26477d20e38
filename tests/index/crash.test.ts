import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest, searchIndexDir } from "../../src/index/manifest.js";
import { SearchIndex } from "../../src/index/search-index.js";
import { syncIndex } from "../../src/index/sync.js";
import { openRetriever } from "../../src/retrieve/open.js";
import { article, openStore, putArticles, ROOT, SAMPLE, tempConfig } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Many long articles, so that embedding them takes seconds. */
const BIG = Array.from({ length: 24 }, (_, i) =>
  article({
    id: `b${String(i).padStart(7, "0")}`,
    title: `第${i}篇长文章`,
    text: Array.from(
      { length: 20 },
      (_, j) => `这是第${i}篇文章的第${j}句话,介绍了社区治理和民生服务的具体做法。`,
    ).join(""),
  }),
);

describe("crash safety", () => {
  it("an ingest killed mid-way leaves the previous index usable, and the next ingest completes", async () => {
    const { dir, config } = tempConfig("crash-");
    const { store, close } = openStore(dir);
    cleanups.push(() => {
      close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    putArticles(store, "day1.txt", SAMPLE);
    const first = await syncIndex(store, config);
    putArticles(store, "day2.txt", BIG, "2026-01-02T00:00:00.000Z");

    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/index/fixtures/sync-child.ts")], {
      cwd: ROOT,
      env: { ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models"), LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const killed = new Promise<string>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        // Kill once it has embedded something but not finished.
        if (/progress [1-9]\d*\//.test(out) && !out.includes("done")) child.kill("SIGKILL");
      });
      child.on("exit", (_code, signal) => resolve(String(signal)));
    });
    expect(await killed).toBe("SIGKILL");
    expect(out).not.toContain("done");

    // The previous generation is still current and searchable.
    const sdir = searchIndexDir(config);
    expect(readManifest(sdir)?.generation).toBe(1);
    const retriever = openRetriever(store, config);
    expect(retriever.size).toBe(first.chunksAdded);
    expect((await retriever.search("谁出席了陕州区动员部署会", { k: 1 }))[0]?.metadata.articleId).toBe("a0000001");

    // The killed process's lock goes stale and the next ingest redoes the work.
    const again = await syncIndex(store, config, { lock: { staleMs: 2000 } });
    expect(again.articlesAdded).toBe(BIG.length);
    expect(readManifest(sdir)?.generation).toBeGreaterThanOrEqual(2);
    expect(retriever.size).toBeGreaterThan(first.chunksAdded);
    expect(fs.readdirSync(sdir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 600_000);

  it("files of a generation whose manifest was never written are ignored and cleaned up", async () => {
    const { dir, config } = tempConfig("crash2-");
    const { store, close } = openStore(dir);
    cleanups.push(() => {
      close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    putArticles(store, "day1.txt", SAMPLE.slice(0, 2));
    await syncIndex(store, config);
    const sdir = searchIndexDir(config);
    // A crash after writing (part of) generation 2's files, before the manifest.
    fs.writeFileSync(path.join(sdir, "seg-2.hnsw"), "torn");
    fs.writeFileSync(path.join(sdir, "seg-2.hnsw.tmp-999-x"), "{");
    const loaded = SearchIndex.open(sdir)!;
    expect(loaded.manifest.generation).toBe(1);
    expect(loaded.size).toBeGreaterThan(0);
    loaded.close();
    putArticles(store, "day2.txt", SAMPLE.slice(2, 3), "2026-01-02T00:00:00.000Z");
    await syncIndex(store, config);
    const m = readManifest(sdir)!;
    expect(m.generation).toBeGreaterThanOrEqual(2);
    for (const s of m.segments) expect(fs.statSync(path.join(sdir, s.file)).size).toBe(s.bytes);
    expect(fs.readFileSync(path.join(sdir, "seg-2.hnsw")).length).toBeGreaterThan(100);
    expect(fs.readdirSync(sdir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("two ingests at once are serialized by the lock: one indexes, the other finds nothing left to do", async () => {
    const { dir, config } = tempConfig("lock-");
    const { store, close } = openStore(dir);
    cleanups.push(() => {
      close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    putArticles(store, "day1.txt", SAMPLE);
    const [a, b] = await Promise.all([syncIndex(store, config), syncIndex(store, config)]);
    expect(a.articlesAdded + b.articlesAdded).toBe(SAMPLE.length);
    expect(Math.min(a.articlesAdded, b.articlesAdded)).toBe(0);
    expect(readManifest(searchIndexDir(config))?.generation).toBe(1);
    expect(openRetriever(store, config).size).toBe(Math.max(a.chunksAdded, b.chunksAdded));
  });
});
