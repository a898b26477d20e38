import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { prng } from "../../bench/corpus.js";
import { searchIndexDir } from "../../src/index/manifest.js";
import { SearchIndex } from "../../src/index/search-index.js";
import { IndexWriter, type NewChunk } from "../../src/index/writer.js";
import { tempConfig, testChunk } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const DIM = 32;
const MODEL = { model: "test-model", pooling: "cls" };

const rand = prng(11);
const gauss = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, rand()))) * Math.cos(2 * Math.PI * rand());
const unit = (v: Float32Array) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
/** Topic directions: news vectors crowd around a few topics, which is what makes an HNSW graph miss neighbours. */
const TOPICS = Array.from({ length: 12 }, () => unit(Float32Array.from({ length: DIM }, gauss)));
/** A made-up chunk vector: a mix of two topics plus noise (like the benchmark's synthetic vectors). */
function vector(): Float32Array {
  const a = TOPICS[Math.floor(rand() * TOPICS.length)] as Float32Array;
  const b = TOPICS[Math.floor(rand() * TOPICS.length)] as Float32Array;
  return unit(a.map((x, i) => x + 0.5 * (b[i] as number) + 0.35 * gauss()));
}

function chunks(from: number, n: number): NewChunk[] {
  return Array.from({ length: n }, (_, j) => {
    const text = `第${from + j}号`;
    return testChunk(from + j, { text, title: text, district: null, date: null, vector: vector(), tokens: [text] });
  });
}

describe("compaction keeps search results identical", () => {
  it("the dense candidates of a search are the same from base + delta and from the compacted segment", () => {
    const { dir, config } = tempConfig("compact-id-");
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const sdir = searchIndexDir(config);
    const w = IndexWriter.open(sdir, MODEL);
    w.commit(chunks(0, 4000), [], DIM);
    w.commit(chunks(4000, 150), [], DIM);
    const reader = SearchIndex.open(sdir) as SearchIndex;
    cleanups.push(() => reader.close());
    expect(reader.manifest.segments.map((s) => s.count)).toEqual([4000, 150]);
    // The retriever's candidate pool: 60 nearest chunks per query.
    const queries = Array.from({ length: 150 }, vector);
    const search = () => queries.map((q) => reader.searchDense(q, 60).map((h) => h.label));
    const before = search();
    w.merge("all");
    w.close();
    expect(reader.refresh()).toBe(true);
    expect(reader.manifest.segments.map((s) => s.count)).toEqual([4150]);
    const after = search();
    const differing = before.flatMap((b, i) => (b.join() === after[i]?.join() ? [] : [i]));
    expect(differing).toEqual([]);
  });
});
