import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DerivedIndexError, readManifest, searchIndexDir } from "../../src/index/manifest.js";
import { SearchIndex } from "../../src/index/search-index.js";
import { compactIndex, type PassageEmbedder, syncIndex } from "../../src/index/sync.js";
import { tokenize } from "../../src/index/tokenize.js";
import { IndexWriter, MAX_DELTAS, type NewChunk } from "../../src/index/writer.js";
import { article, openStore, putArticles, SAMPLE, tempConfig, testChunk } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const DIM = 8;
const MODEL = { model: "test-model", pooling: "cls" };

/** A deterministic unit vector for `seed`. */
function vec(seed: number): Float32Array {
  const v = Float32Array.from({ length: DIM }, (_, i) => Math.sin(seed * (i + 1) * 0.7) + (i === seed % DIM ? 1 : 0));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** New chunks for articles `ids` (one chunk each; the text names the article). */
function chunks(ids: number[]): NewChunk[] {
  return ids.map((i) => {
    const text = `第${i}号文章 ${i % 2 ? "陕州区召开会议" : "孟州市植树造林"} 编号${i}`;
    return testChunk(i, {
      text,
      title: `标题${i}`,
      district: i % 2 ? "陕州区" : "孟州市",
      date: `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
      vector: vec(i),
      tokens: tokenize(text),
    });
  });
}

function tempDir() {
  const { dir, config } = tempConfig("seg-");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { sdir: searchIndexDir(config), dir, config };
}

/** Commits one generation in `sdir` with a fresh writer (as one ingest would). */
function commit(sdir: string, add: number[], remove: string[] = [], opts: { rebuild?: boolean } = {}) {
  const w = IndexWriter.open(sdir, { ...MODEL, ...opts });
  try {
    return w.commit(chunks(add), remove, DIM);
  } finally {
    w.close();
  }
}

/** Everything a search returns for a few queries: dense and BM25 labels with scores, filtered and not. */
function snapshot(index: SearchIndex) {
  const out: unknown[] = [];
  for (let q = 0; q < 12; q++) {
    out.push(index.searchDense(vec(q * 5 + 1), 10).map((h) => [h.label, h.score.toFixed(6)]));
    out.push(index.searchDense(vec(q), 5, index.filterFor({ district: "陕州区" })).map((h) => h.label));
  }
  for (const q of ["陕州区召开会议", "孟州市植树", "编号7", "第12号文章"]) {
    out.push(index.searchBm25(tokenize(q), 10).map((h) => [h.label, h.score.toFixed(9)]));
    out.push(index.searchBm25(tokenize(q), 5, index.filterFor({ dateFrom: "2026-01-05" })).map((h) => h.label));
  }
  return out;
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe("segmented index", () => {
  it("a daily add writes one small delta and leaves the base file untouched; readers pick it up incrementally", () => {
    const { sdir } = tempDir();
    const m1 = commit(sdir, range(0, 200));
    expect(m1.segments).toHaveLength(1);
    const baseFile = path.join(sdir, m1.segments[0]!.file);
    const before = fs.statSync(baseFile);
    const reader = SearchIndex.open(sdir)!;
    cleanups.push(() => reader.close());
    expect(reader.size).toBe(200);

    const m2 = commit(sdir, range(200, 210), ["a3"]);
    expect(m2.segments.map((s) => s.count)).toEqual([200, 10]);
    expect(m2.nextLabel).toBe(210);
    const after = fs.statSync(baseFile);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
    expect(fs.statSync(path.join(sdir, m2.segments[1]!.file)).size).toBeLessThan(before.size / 5);

    // The base file is not read again: hide it, and the incremental refresh still works.
    fs.renameSync(baseFile, `${baseFile}.away`);
    expect(reader.refresh()).toBe(true);
    fs.renameSync(`${baseFile}.away`, baseFile);
    expect(reader.size).toBe(209);
    expect(reader.searchDense(vec(205), 1)[0]?.label).toBe(205);
    expect(reader.searchDense(vec(3), 5).map((h) => h.label)).not.toContain(3);
    expect(reader.searchBm25(tokenize("编号3"), 5).map((h) => h.label)).not.toContain(3);
    expect(reader.searchBm25(tokenize("编号205"), 1)[0]?.label).toBe(205);
    expect(reader.chunk(205)?.metadata.articleId).toBe("a205");
    expect(reader.refresh()).toBe(false);
    // A fresh reader sees exactly what the incremental one sees.
    const fresh = SearchIndex.open(sdir)!;
    cleanups.push(() => fresh.close());
    expect(snapshot(fresh)).toEqual(snapshot(reader));
  });

  it("compaction merges base and deltas, drops deleted chunks, and returns identical results", () => {
    const { sdir } = tempDir();
    commit(sdir, range(0, 300));
    commit(sdir, range(300, 320), ["a5", "a6"]);
    commit(sdir, range(320, 330), ["a301"]);
    const reader = SearchIndex.open(sdir)!;
    cleanups.push(() => reader.close());
    const before = snapshot(reader);
    const w = IndexWriter.open(sdir, MODEL);
    const m = w.merge("all")!;
    w.close();
    expect(m.segments).toHaveLength(1);
    expect(m.segments[0]!.count).toBe(327);
    expect(m.baseGeneration).toBe(m.generation);
    expect(reader.refresh()).toBe(true);
    expect(snapshot(reader)).toEqual(before);
    expect(reader.chunk(5)).toBeUndefined();
    expect(reader.chunk(6)).toBeUndefined();
    expect(reader.size).toBe(327);
  });

  it(`merges the deltas when there are more than ${MAX_DELTAS}, and everything when they outgrow half the base`, () => {
    const { sdir } = tempDir();
    let m = commit(sdir, range(0, 1000));
    for (let d = 0; d <= MAX_DELTAS; d++) m = commit(sdir, range(1000 + d * 5, 1005 + d * 5));
    expect(m.segments.length).toBe(2);
    expect(m.segments[0]!.count).toBe(1000);
    expect(m.segments[1]!.count).toBe((MAX_DELTAS + 1) * 5);
    m = commit(sdir, range(2000, 2600));
    expect(m.segments.map((s) => s.count)).toEqual([1000 + (MAX_DELTAS + 1) * 5 + 600]);
    const files = fs.readdirSync(sdir).filter((f) => f.endsWith(".hnsw"));
    expect(files.sort()).toEqual([...m.segments, ...m.retired.segments].map((s) => s.file).sort());
  });

  it("ignores what a writer killed before its manifest left behind, and the next writer removes it", () => {
    const { sdir } = tempDir();
    const m = commit(sdir, range(0, 50));
    const reader = SearchIndex.open(sdir)!;
    cleanups.push(() => reader.close());
    const before = snapshot(reader);
    // What a crash after the database transaction but before the manifest leaves.
    const w = IndexWriter.open(sdir, MODEL);
    const db = (w as unknown as { db: import("better-sqlite3").Database }).db;
    db.prepare(
      "INSERT INTO chunks (label, article_id, article_version, chunk_index, title, district, districts, date, source, start_pos, end_pos, text, len) VALUES (50, 'zz', 'v', 0, 't', NULL, '[]', NULL, 's', 0, 1, 'x', 1)",
    ).run();
    db.prepare("INSERT INTO tombstones (label, gen) VALUES (7, ?)").run(m.generation + 1);
    fs.writeFileSync(path.join(sdir, `seg-${m.generation + 1}.hnsw`), "torn");
    w.close();
    const other = SearchIndex.open(sdir)!;
    cleanups.push(() => other.close());
    expect(snapshot(other)).toEqual(before);
    expect(other.size).toBe(50);
    const m2 = commit(sdir, [60]);
    expect(m2.nextLabel).toBe(51);
    expect(reader.refresh()).toBe(true);
    expect(reader.size).toBe(51);
    expect(reader.chunk(50)?.metadata.articleId).toBe("a60");
    expect(reader.has(7)).toBe(true);
  });

  it("a torn manifest, segment or database is reported by file name with the rebuild command", () => {
    const { sdir } = tempDir();
    const m = commit(sdir, range(0, 20));
    const seg = path.join(sdir, m.segments[0]!.file);
    const bytes = fs.readFileSync(seg);
    fs.writeFileSync(seg, bytes.subarray(0, bytes.length >> 1));
    expect(() => SearchIndex.open(sdir)).toThrow(DerivedIndexError);
    expect(() => SearchIndex.open(sdir)).toThrow(new RegExp(`${m.segments[0]!.file}.*ingest --rebuild`));
    fs.writeFileSync(seg, bytes);
    fs.writeFileSync(path.join(sdir, m.db), "not a database at all, just some bytes that are long enough");
    expect(() => SearchIndex.open(sdir)).toThrow(new RegExp(`${m.db}.*ingest --rebuild`));
    const manifest = path.join(sdir, "manifest.json");
    fs.writeFileSync(manifest, fs.readFileSync(manifest, "utf8").slice(0, 40));
    expect(() => readManifest(sdir)).toThrow(/manifest\.json.*ingest --rebuild/);
    expect(() => IndexWriter.open(sdir, MODEL)).toThrow(/manifest\.json.*ingest --rebuild/);
    // A rebuild reads none of it.
    const rebuilt = commit(sdir, range(0, 5), [], { rebuild: true });
    expect(rebuilt.db).not.toBe(m.db);
    const reader = SearchIndex.open(sdir)!;
    cleanups.push(() => reader.close());
    expect(reader.size).toBe(5);
  });
});

/** Deterministic "embeddings" for syncIndex without the model: one vector per text hash. */
const fakeEmbedder: PassageEmbedder = {
  async embedRaw(texts) {
    return texts.map((t) => vec([...t].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) % 100_003, 7)));
  },
};

describe("syncIndex over segments", () => {
  it("ingest --rebuild rebuilds from news.db whatever state the derived files are in", async () => {
    const { dir, config, sdir } = tempDir();
    const cfg = { ...config, embedding: { ...config.embedding, model: MODEL.model } };
    const { store, close } = openStore(dir);
    cleanups.push(close);
    putArticles(store, "day1.txt", SAMPLE.slice(0, 3));
    await syncIndex(store, cfg, { embedder: fakeEmbedder });
    const m = readManifest(sdir)!;
    for (const [file, keep] of [
      ["manifest.json", 30],
      [m.segments[0]!.file, 100],
      [m.db, 0],
    ] as const) {
      const p = path.join(sdir, file);
      fs.writeFileSync(p, fs.readFileSync(p).subarray(0, keep));
    }
    await expect(syncIndex(store, cfg, { embedder: fakeEmbedder })).rejects.toThrow(/ingest --rebuild/);
    const r = await syncIndex(store, cfg, { embedder: fakeEmbedder, rebuild: true });
    expect(r.articlesAdded).toBe(3);
    const reader = SearchIndex.open(sdir)!;
    cleanups.push(() => reader.close());
    expect(reader.size).toBe(r.chunksAdded);
    // And a compaction after a changed article keeps every live chunk.
    putArticles(store, "day1.txt", [SAMPLE[0]!, article({ ...SAMPLE[1]!, text: "新的正文。" })], "2026-02-01");
    await syncIndex(store, cfg, { embedder: fakeEmbedder });
    const c = await compactIndex(cfg);
    expect(c?.after.segments).toHaveLength(1);
    expect(reader.refresh()).toBe(true);
    expect(reader.size).toBe(c?.after.chunks);
  });
});
