// One benchmark tier, run in its own process by bench/run.ts (so peak RSS is per tier).
// Usage: tsx bench/tier.ts <articles> [--real] [--bare]   → prints one JSON line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/env.js";
import { syncFacts } from "../src/facts/sync.js";
import { createEmbeddings, loadExtractor } from "../src/index/embeddings.js";
import { readManifest, searchIndexDir } from "../src/index/manifest.js";
import { SearchIndex } from "../src/index/search-index.js";
import { syncIndex } from "../src/index/sync.js";
import { openRetriever } from "../src/retrieve/open.js";
import { ArticleStore } from "../src/store/articles.js";
import { openDb } from "../src/store/db.js";
import { percentile, prng, readCorpus } from "./corpus.js";
import { BenchEmbedder } from "./vector-cache.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const n = Number(process.argv[2]);
const real = process.argv.includes("--real");
const bare = process.argv.includes("--bare");
/** Keep the INDEX_DIR (its path is in the result) for the daily-add and serving children of bench/run.ts. */
const keep = process.argv.includes("--keep");
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const RECALL_QUERIES = Number(process.env.BENCH_RECALL_QUERIES ?? 100);
const cacheFile = path.join(os.tmpdir(), "district-news-bench-cache", "vectors.f32");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${n}-`));
const config = loadConfig({ ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
const db = openDb(dir);
const store = new ArticleStore(db);
const log = (msg: string) => process.stderr.write(`[${n}] ${msg}\n`);

try {
  const articles = await readCorpus(
    n,
    path.resolve(ROOT, process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl"),
  );
  const bySource = new Map<string, typeof articles>();
  for (const a of articles) bySource.set(a.source, [...(bySource.get(a.source) ?? []), a]);
  for (const [source, list] of bySource) {
    store.putFile(
      {
        source,
        path: source,
        hash: source,
        size: 0,
        encoding: "utf-8",
        articleCount: list.length,
        ingestedAt: "2026-01-01T00:00:00.000Z",
      },
      list.map((a, seq) => ({ ...a, seq })),
    );
  }
  log(`${articles.length} articles stored`);

  const embeddings = createEmbeddings(config);
  await embeddings.embedQuery("预热"); // model load is not part of the throughput
  const embedder = new BenchEmbedder(embeddings, cacheFile, real);

  const t0 = performance.now();
  const res = await syncIndex(store, config, {
    embedder,
    onProgress: (d, t) => {
      if (d % 2000 < 16) log(`embedded ${d}/${t}`);
    },
  });
  const pipelineMs = performance.now() - t0;
  if (real) embedder.save();
  log(`pipeline ${(pipelineMs / 1000).toFixed(1)} s for ${res.chunksAdded} chunks`);

  // Bare model on the very same passage texts (only when all of them were embedded for real).
  let bareMs: number | undefined;
  if (bare) {
    const extractor = await loadExtractor(config.embedding);
    const all = embedder.texts;
    const t1 = performance.now();
    for (let i = 0; i < all.length; i += config.embedding.batchSize) {
      await extractor(all.slice(i, i + config.embedding.batchSize), {
        pooling: config.embedding.pooling,
        normalize: true,
      });
    }
    bareMs = performance.now() - t1;
    log(`bare model ${(bareMs / 1000).toFixed(1)} s`);
  }

  // Index size on disk (the current generation: segment graphs + index database).
  const sdir = searchIndexDir(config);
  const manifest = readManifest(sdir);
  const sizes: Record<string, number> = {};
  for (const s of manifest?.segments ?? []) sizes[s.file] = fs.statSync(path.join(sdir, s.file)).size;
  if (manifest) sizes[manifest.db] = fs.statSync(path.join(sdir, manifest.db)).size;
  const indexBytes = Object.values(sizes).reduce((a, b) => a + b, 0);

  // Warm search latency on titles of random articles.
  const retriever = openRetriever(store, config);
  await retriever.warmUp();
  const rand = prng(42);
  const queries = Array.from({ length: QUERIES }, () =>
    (articles[Math.floor(rand() * articles.length)]?.title ?? "").slice(0, 30),
  );
  // Warm-up on other titles, as many as the measured queries: the first searches after the index build pay
  // for collecting its garbage and for the model's first inputs of each length, which is not warm latency.
  const warmRand = prng(7);
  for (let i = 0; i < QUERIES; i++) {
    const q = (articles[Math.floor(warmRand() * articles.length)]?.title ?? "").slice(0, 30);
    await retriever.search(q, { k: 10 });
  }
  const lat: Record<string, number[]> = { hybrid: [], dense: [], bm25: [] };
  for (const mode of ["hybrid", "dense", "bm25"] as const) {
    for (const q of queries) {
      const t = performance.now();
      await retriever.search(q, { k: 10, mode });
      lat[mode]?.push(performance.now() - t);
    }
  }

  // HNSW recall@10 against exact search over the same vectors (labels = insertion order in a fresh build).
  const vectors = embedder.all;
  const dim = vectors[0]?.length ?? 0;
  const index = SearchIndex.open(sdir);
  if (!index) throw new Error("no index was written");
  let recall = 0;
  const rq = queries.slice(0, RECALL_QUERIES);
  for (const q of rq) {
    const qv = await embeddings.embedQuery(q);
    const approx = new Set(index.searchDense(qv, 10).map((h) => h.label));
    const scores = new Float32Array(vectors.length);
    for (let i = 0; i < vectors.length; i++) {
      const v = vectors[i] as Float32Array;
      let s = 0;
      for (let j = 0; j < dim; j++) s += (v[j] as number) * (qv[j] as number);
      scores[i] = s;
    }
    const exact = [...scores.keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, 10);
    recall += exact.filter((l) => approx.has(l)).length / 10;
  }
  recall /= rq.length;
  index.close();

  // Stored facts, as runIngest writes them (the answer benchmark of bench/serve.ts reads them).
  let factsSeconds: number | null = null;
  if (keep) {
    const t = performance.now();
    syncFacts(store);
    factsSeconds = (performance.now() - t) / 1000;
    log(`facts ${factsSeconds.toFixed(1)} s`);
  }

  const result = {
    articles: n,
    chunks: res.chunksAdded,
    realEmbedded: embedder.realCount,
    cachedVectors: embedder.cachedCount,
    syntheticVectors: embedder.synthCount,
    pipelineSeconds: pipelineMs / 1000,
    embedSeconds: embedder.realMs / 1000,
    pipelineChunksPerSec: embedder.realCount ? res.chunksAdded / (pipelineMs / 1000) : null,
    modelChunksPerSecInPipeline: embedder.realCount ? embedder.realCount / (embedder.realMs / 1000) : null,
    bareSeconds: bareMs === undefined ? null : bareMs / 1000,
    bareChunksPerSec: bareMs === undefined ? null : embedder.texts.length / (bareMs / 1000),
    pipelineOverBare: bareMs === undefined ? null : pipelineMs / bareMs,
    hybridP50: percentile(lat.hybrid ?? [], 50),
    hybridP95: percentile(lat.hybrid ?? [], 95),
    denseP50: percentile(lat.dense ?? [], 50),
    bm25P50: percentile(lat.bm25 ?? [], 50),
    recallAt10: recall,
    indexBytes,
    indexFiles: sizes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    factsSeconds,
    indexDir: keep ? dir : null,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  db.close();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}
