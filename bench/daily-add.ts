// One day's ingest into a big index, in its own process (bench/run.ts): `tsx bench/daily-add.ts <INDEX_DIR> <n> [count]`
// stores corpus articles n … n+count-1 as a new bulletin file and runs syncIndex with REAL embeddings of the
// new chunks; prints {wall, embedding, bytes written, peak RSS} as one JSON line.
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/env.js";
import { createEmbeddings } from "../src/index/embeddings.js";
import { readManifest, searchIndexDir } from "../src/index/manifest.js";
import { syncIndex } from "../src/index/sync.js";
import { ArticleStore } from "../src/store/articles.js";
import { openDb } from "../src/store/db.js";
import { readCorpus } from "./corpus.js";
import { bytesWritten, peakRss } from "./io.js";
import { BenchEmbedder } from "./vector-cache.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const [dir, nArg, countArg] = process.argv.slice(2);
const n = Number(nArg);
const count = Number(countArg ?? 50);
const config = loadConfig({ ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
const db = openDb(dir as string);
const store = new ArticleStore(db);
const all = await readCorpus(
  n + count,
  path.resolve(ROOT, process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl"),
);
const day = all
  .slice(n)
  .map((a, seq) => ({ ...a, source: "xwlb-daily-add.txt", seq, ingestedAt: "2026-01-02T00:00:00.000Z" }));
const embeddings = createEmbeddings(config);
await embeddings.embedQuery("预热");
const embedder = new BenchEmbedder(
  embeddings,
  path.join(os.tmpdir(), "district-news-bench-cache", "vectors.f32"),
  true,
);
const before = readManifest(searchIndexDir(config));
const w0 = bytesWritten();
const t0 = performance.now();
store.putFile(
  {
    source: "xwlb-daily-add.txt",
    path: "xwlb-daily-add.txt",
    hash: "daily",
    size: 0,
    encoding: "utf-8",
    articleCount: day.length,
    ingestedAt: "2026-01-02T00:00:00.000Z",
  },
  day,
);
const res = await syncIndex(store, config, { embedder });
const wallMs = performance.now() - t0;
const written = bytesWritten() - w0;
const after = readManifest(searchIndexDir(config));
db.close();
process.stdout.write(
  `${JSON.stringify({
    articles: res.articlesAdded,
    chunks: res.chunksAdded,
    wallSeconds: wallMs / 1000,
    embedSeconds: embedder.realMs / 1000,
    outsideEmbeddingSeconds: (wallMs - embedder.realMs) / 1000,
    bytesWritten: written,
    segmentsBefore: before?.segments.length ?? 0,
    segmentsAfter: after?.segments.length ?? 0,
    peakRssBytes: peakRss(),
  })}\n`,
);
