// What the bot does with a big index, in its own process (bench/run.ts): `tsx bench/serve.ts <INDEX_DIR> <n>`.
// Opens the store, retriever and answerer as the bot does, then measures: RSS with the index loaded, a full
// compaction of a copy of the index (its cost), warm hybrid search on the index as it is (base + delta) and
// on the compacted copy — interleaved query by query in this one process, so both see the same load — and
// whether the top 10 of every query is identical in both, then answer latency and the answerer's title
// look-up (FTS5 vs the LIKE scan it replaced).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAnswerer } from "../src/answer/answerer.js";
import { loadConfig } from "../src/config/env.js";
import { compactIndex } from "../src/index/sync.js";
import { openRetriever } from "../src/retrieve/open.js";
import { ArticleStore } from "../src/store/articles.js";
import { openDb } from "../src/store/db.js";
import { percentile, prng, readCorpus } from "./corpus.js";
import { bytesWritten, peakRss } from "./io.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const [dir, nArg] = process.argv.slice(2);
const n = Number(nArg);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const config = loadConfig({ ...process.env, INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
const log = (msg: string) => process.stderr.write(`[serve ${n}] ${msg}\n`);

const rssStart = process.memoryUsage().rss;
const db = openDb(dir as string);
const store = new ArticleStore(db);
const retriever = openRetriever(store, config);
const answerer = createAnswerer({ retriever, store });
await retriever.warmUp();
await answerer.ask("预热问题：会议由谁主持？");
const loaded = process.memoryUsage();
log(`loaded: rss ${(loaded.rss / 1048576).toFixed(0)} MB, heap ${(loaded.heapUsed / 1048576).toFixed(0)} MB`);

const articles = await readCorpus(
  n,
  path.resolve(ROOT, process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl"),
);
const rand = prng(42);
const titles = Array.from({ length: QUERIES }, () =>
  (articles[Math.floor(rand() * articles.length)]?.title ?? "").slice(0, 30),
);
const time = async (f: () => Promise<unknown> | unknown) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

// A copy of the index, compacted (the index itself stays base + delta for the rest of the run).
const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compacted-"));
fs.cpSync(path.join(dir as string, "search"), path.join(copyDir, "search"), { recursive: true });
const copyConfig = { ...config, indexDir: copyDir };
const w0 = bytesWritten();
const c0 = performance.now();
const compacted = await compactIndex(copyConfig);
const compactMs = performance.now() - c0;
const compactBytes = bytesWritten() - w0;
const compactedRetriever = openRetriever(store, copyConfig);
await compactedRetriever.warmUp();

// Warm-up of both on other titles (see bench/tier.ts), then hybrid search, base + delta vs compacted,
// alternating which goes first; and their top 10s.
const warmRand = prng(7);
for (let i = 0; i < QUERIES; i++) {
  const q = (articles[Math.floor(warmRand() * articles.length)]?.title ?? "").slice(0, 30);
  await retriever.search(q, { k: 10 });
  await compactedRetriever.search(q, { k: 10 });
}
const hybrid: number[] = [];
const hybridCompacted: number[] = [];
let identical = 0;
for (const [i, q] of titles.entries()) {
  const order = i % 2 ? ([compactedRetriever, retriever] as const) : ([retriever, compactedRetriever] as const);
  const tops = new Map<unknown, string>();
  for (const r of order) {
    const t = performance.now();
    const docs = await r.search(q, { k: 10 });
    (r === retriever ? hybrid : hybridCompacted).push(performance.now() - t);
    tops.set(r, docs.map((d) => d.metadata.chunkId).join(","));
  }
  if (tops.get(retriever) === tops.get(compactedRetriever)) identical++;
}
log(
  `hybrid p50 ${percentile(hybrid, 50).toFixed(1)} ms (base + delta), ${percentile(hybridCompacted, 50).toFixed(1)} ms (compacted)`,
);
fs.rmSync(copyDir, { recursive: true, force: true });

const frames = ["谁出席了%s？", "%s是什么时候举行的？", "%s有多少人参加？", "%s的主要内容是什么？"];
const questions = titles.map((t, i) => (frames[i % frames.length] as string).replace("%s", t.slice(0, 24)));
for (const q of questions.slice(0, 10)) await answerer.ask(q);
const answer: number[] = [];
for (const q of questions) answer.push(await time(() => answerer.ask(q)));
log(`answer p50 ${percentile(answer, 50).toFixed(1)} ms`);

// Title look-up: substrings of 2–6 characters of random titles, FTS5 (idsByTitle) vs the old LIKE scan.
const like = db.prepare("SELECT id FROM articles WHERE title LIKE ? ORDER BY date DESC LIMIT 50").pluck();
const fragments = titles.map((t, i) => t.slice(i % 5, (i % 5) + 2 + (i % 5)));
const fts: number[] = [];
const scan: number[] = [];
for (const f of fragments) {
  fts.push(await time(() => store.idsByTitle(f)));
  scan.push(await time(() => like.all(`%${f}%`)));
}

db.close();

process.stdout.write(
  `${JSON.stringify({
    rssStartBytes: rssStart,
    rssLoadedBytes: loaded.rss,
    heapUsedBytes: loaded.heapUsed,
    hybridP50: percentile(hybrid, 50),
    hybridP95: percentile(hybrid, 95),
    compactedHybridP50: percentile(hybridCompacted, 50),
    compactedHybridP95: percentile(hybridCompacted, 95),
    answerP50: percentile(answer, 50),
    answerP95: percentile(answer, 95),
    titleFtsP50: percentile(fts, 50),
    titleLikeP50: percentile(scan, 50),
    segmentsBeforeCompact: compacted?.before.segments.length ?? 0,
    compactSeconds: compactMs / 1000,
    compactBytesWritten: compactBytes,
    compactIdenticalTop10: identical / titles.length,
    peakRssBytes: peakRss(),
  })}\n`,
);
