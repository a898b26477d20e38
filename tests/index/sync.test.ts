import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readManifest, searchIndexDir } from "../../src/index/manifest.js";
import { SearchIndex } from "../../src/index/search-index.js";
import { syncIndex } from "../../src/index/sync.js";
import { openRetriever } from "../../src/retrieve/open.js";
import { article, openStore, putArticles, SAMPLE, tempConfig } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const { dir, config } = tempConfig();
  const { store, close } = openStore(dir);
  cleanups.push(() => {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, config, store };
}

describe("syncIndex", () => {
  it("indexes stored articles, persists them, and chunk spans round-trip to the article text", async () => {
    const { config, store } = setup();
    putArticles(store, "day1.txt", SAMPLE.slice(0, 2));
    const progress: number[] = [];
    const r = await syncIndex(store, config, { onProgress: (d) => progress.push(d) });
    expect(r).toEqual({ articlesAdded: 2, articlesRemoved: 0, chunksAdded: r.chunksAdded });
    expect(r.chunksAdded).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(r.chunksAdded);

    const dir = searchIndexDir(config);
    const manifest = readManifest(dir);
    expect(manifest).toMatchObject({ generation: 1, model: "Xenova/bge-small-zh-v1.5", dim: 512, articles: 2 });
    const loaded = SearchIndex.open(dir)!;
    expect(loaded.size).toBe(r.chunksAdded);
    expect(manifest?.nextLabel).toBe(r.chunksAdded);
    for (let label = 0; label < r.chunksAdded; label++) {
      const c = loaded.chunk(label)!;
      const a = store.get(c.metadata.articleId);
      expect(a?.text.slice(c.metadata.start, c.metadata.end)).toBe(c.text);
      expect(c.metadata.chunkId).toBe(`${c.metadata.articleId}:${c.metadata.chunkIndex}`);
      expect(c.metadata.title).toBe(a?.title);
    }
    loaded.close();
    // nothing new: no new generation written
    expect(await syncIndex(store, config)).toEqual({ articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 });
    expect(readManifest(dir)?.generation).toBe(1);
  });

  it("embeds only a new day's articles, deletes a removed file's chunks, and rebuilds on demand", async () => {
    const { config, store } = setup();
    putArticles(store, "day1.txt", SAMPLE.slice(0, 2));
    const first = await syncIndex(store, config);
    putArticles(store, "day2.txt", SAMPLE.slice(2, 4), "2026-01-02T00:00:00.000Z");
    const second = await syncIndex(store, config);
    expect(second.articlesAdded).toBe(2);
    expect(second.articlesRemoved).toBe(0);

    const retriever = openRetriever(store, config);
    expect(retriever.size).toBe(first.chunksAdded + second.chunksAdded);
    const hit = await retriever.search("孟州市专项债券会议有哪些市领导出席", { k: 1 });
    expect(hit[0]?.metadata.articleId).toBe("a0000004");

    store.removeFile("day2.txt");
    const third = await syncIndex(store, config);
    expect(third).toEqual({ articlesAdded: 0, articlesRemoved: 2, chunksAdded: 0 });
    const after = await retriever.search("孟州市专项债券会议有哪些市领导出席", { k: 5 });
    expect(after.map((d) => d.metadata.articleId)).not.toContain("a0000004");
    expect(retriever.size).toBe(first.chunksAdded);

    // a changed file: same article id, new text → re-indexed
    putArticles(
      store,
      "day1.txt",
      [SAMPLE[0]!, article({ ...SAMPLE[1]!, text: "张汭乡组织志愿者植树两千棵。" })],
      "2026-01-03T00:00:00.000Z",
    );
    const fourth = await syncIndex(store, config);
    expect(fourth.articlesAdded).toBe(2);
    const trees = await retriever.search("张汭乡植树多少棵", { k: 1 });
    expect(trees[0]?.pageContent).toContain("植树两千棵");

    const rebuilt = await syncIndex(store, config, { rebuild: true });
    expect(rebuilt.articlesAdded).toBe(2);
    expect(retriever.size).toBe(rebuilt.chunksAdded);
    // old generations are cleaned up: the current one and the one before it stay on disk
    const sdir = searchIndexDir(config);
    const m = readManifest(sdir)!;
    const segFiles = fs.readdirSync(sdir).filter((f) => f.endsWith(".hnsw"));
    expect(segFiles.sort()).toEqual([...m.segments, ...m.retired.segments].map((s) => s.file).sort());
    const dbs = fs.readdirSync(sdir).filter((f) => /^index\.\d+\.db$/.test(f));
    expect(dbs.sort()).toEqual([m.db, m.retired.db].filter(Boolean).sort());
    expect(fs.existsSync(path.join(sdir, m.segments[0]!.file))).toBe(true);
  });
});
