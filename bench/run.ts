// `npm run bench`: indexing and search benchmark on ../shared/corpus/news-xwlb.jsonl (see bench/RESULTS.md).
// Each tier runs in its own process (bench/tier.ts) so that its peak RSS is its own.
// BENCH_TIERS="1000:real,20000:keep" (default): "real" = embed missing passages with the model,
// "bare" = also time the bare model on the same passages; tiers without "real" re-use the real
// vectors cached by earlier tiers and synthesize the rest (see bench/vector-cache.ts). A "keep" tier
// is then served: a daily add of 50 articles (bench/daily-add.ts), the bot's view of it (bench/serve.ts).
// Then the cold start of `ask` (bench/cold-start.ts) and the embedding variants (bench/embed-variants.ts).
// BENCH_EXTRAS=0 skips those.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  process.stdout.write(`npm run bench: indexing and search benchmark, results in bench/RESULTS.md. No flags; environment:
  BENCH_TIERS="1000:real,20000:keep"  tiers, articles:flags ("real": embed with the model, "bare": also time the
                                      bare model, "keep": then a daily add, the bot's process and a compaction on it;
                                      a tier beyond the corpus's 24,090 articles repeats it as copies)
  BENCH_EXTRAS=0                      skip the daily add, the bot's process, the cold start and the embedding variants
  BENCH_QUERIES=200 BENCH_RECALL_QUERIES=100 BENCH_COLD_RUNS=5 BENCH_EMBED_CHUNKS BENCH_CORPUS
`);
  process.exit(0);
}
const tiers = (process.env.BENCH_TIERS ?? "1000:real,20000:keep").split(",").map((t) => {
  const [n, ...flags] = t.split(":");
  return { n: Number(n), flags };
});

interface TierResult {
  articles: number;
  chunks: number;
  realEmbedded: number;
  cachedVectors: number;
  syntheticVectors: number;
  pipelineSeconds: number;
  pipelineChunksPerSec: number | null;
  modelChunksPerSecInPipeline: number | null;
  bareChunksPerSec: number | null;
  pipelineOverBare: number | null;
  hybridP50: number;
  hybridP95: number;
  denseP50: number;
  bm25P50: number;
  recallAt10: number;
  indexBytes: number;
  peakRssBytes: number;
  indexDir?: string | null;
}

/** Runs `script` (a bench/ file) with `args` in its own process and returns its last stdout line as JSON. */
function child<T>(script: string, args: string[] = []): T {
  process.stderr.write(`${script} ${args.join(" ")}…\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as T;
}

const load0 = os.loadavg();
const started = new Date().toISOString();
const results: TierResult[] = [];
for (const { n, flags } of tiers) {
  process.stderr.write(`tier ${n} (${flags.join(", ") || "cached+synthetic vectors"})…\n`);
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "bench/tier.ts"), String(n), ...flags.map((f) => `--${f}`)],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`tier ${n} failed (exit ${r.status})`);
  results.push(JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as TierResult);
}
// The kept tier, served: a day's ingest into it, then the bot's process over it (with a compaction at the end).
const extras = process.env.BENCH_EXTRAS !== "0";
const served: Record<string, unknown> = {};
for (const r of results) {
  if (!r.indexDir) continue;
  if (extras) {
    served.tier = r.articles;
    served.dailyAdd = child("daily-add.ts", [r.indexDir, String(r.articles), "50"]);
    served.serve = child("serve.ts", [r.indexDir, String(r.articles)]);
  }
  fs.rmSync(r.indexDir, { recursive: true, force: true });
}
if (extras) {
  served.coldStart = child("cold-start.ts");
  served.embedding = child("embed-variants.ts");
}
const load1 = os.loadavg();

// Keep the rows of tiers not run this time (BENCH_TIERS=20000 re-runs one tier only) from the previous run.
const saved = path.join(ROOT, "bench/results.json");
const previous: (TierResult & { ranAt?: string })[] = fs.existsSync(saved)
  ? (JSON.parse(fs.readFileSync(saved, "utf8")) as (TierResult & { ranAt?: string })[])
  : [];
const current = results.map((r) => ({ ...r, ranAt: started }));
const merged = [...previous.filter((p) => !current.some((c) => c.articles === p.articles)), ...current].sort(
  (a, b) => a.articles - b.articles,
);
fs.writeFileSync(saved, `${JSON.stringify(merged, null, 2)}\n`);
const savedExtras = path.join(ROOT, "bench/results-scale.json");
const scale = (
  Object.keys(served).length
    ? { ...served, ranAt: started, load: { start: fmtLoad(load0), end: fmtLoad(load1) } }
    : fs.existsSync(savedExtras)
      ? JSON.parse(fs.readFileSync(savedExtras, "utf8"))
      : {}
) as ScaleResult;
fs.writeFileSync(savedExtras, `${JSON.stringify(scale, null, 2)}\n`);

const f = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? "–" : x.toFixed(d));
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const header =
  "| articles | chunks | vectors (real / cached / synthetic) | pipeline chunks/s | model chunks/s in pipeline | bare model chunks/s | pipeline ÷ bare time | hybrid p50 / p95 ms | dense p50 ms | BM25 p50 ms | HNSW recall@10 | index on disk | peak RSS | run (UTC) |";
const sep = `|${header
  .split("|")
  .slice(1, -1)
  .map(() => "---")
  .join("|")}|`;
const rows = merged.map(
  (r) =>
    `| ${r.articles} | ${r.chunks} | ${r.realEmbedded} / ${r.cachedVectors} / ${r.syntheticVectors} | ${f(r.pipelineChunksPerSec)} | ${f(r.modelChunksPerSecInPipeline)} | ${f(r.bareChunksPerSec)} | ${f(r.pipelineOverBare, 2)} | ${f(r.hybridP50)} / ${f(r.hybridP95)} | ${f(r.denseP50)} | ${f(r.bm25P50)} | ${f(r.recallAt10, 3)} | ${mb(r.indexBytes)} | ${mb(r.peakRssBytes)} | ${r.ranAt?.slice(0, 16) ?? ""} |`,
);
const table = [header, sep, ...rows].join("\n");
process.stdout.write(`${table}\n`);

const scaleTable = scaleRows(scale);
process.stdout.write(`${scaleTable}\n`);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const md = `# Benchmark results (latest run)

Last run: \`npm run bench\` (${started}), tiers \`${tiers.map((t) => [t.n, ...t.flags].join(":")).join(",")}\`; rows of other tiers come from earlier runs (bench/results.json, see the "run" column).
Machine: ${machine}. Load average (1/5/15 min) at start ${fmtLoad(load0)}, at end ${fmtLoad(load1)} — the machine is shared, so absolute times are noisy.

${table}

## Scale rows (tier ${scale.tier ?? "–"}, run ${scale.ranAt?.slice(0, 16) ?? "–"} UTC, load average 1/5/15 min at start ${scale.load?.start ?? "–"}, at end ${scale.load?.end ?? "–"})

${scaleTable}

How to read it:
- Corpus: the first N articles of \`../shared/corpus/news-xwlb.jsonl\` (read in place, never copied; it has 24,090 articles, so a larger tier repeats them as copies whose titles end in a punctuation mark BM25 drops, with synthetic vectors: see bench/corpus.ts), chunked by the project's chunker, indexed by \`syncIndex\` (chunk → embed → HNSW + BM25 → atomic save).
- "vectors": how many chunk vectors were computed by the model in this run (real), re-used from the on-disk cache of an earlier tier's real vectors (cached), or SYNTHESIZED (normalized sum of two random real vectors plus Gaussian noise). Synthetic vectors are a documented shortcut so the large tiers fit in the time available on 2 shared cores: they exercise HNSW latency, recall, size and memory at full scale but say nothing about relevance. Throughput columns are only given where chunks were embedded for real.
- pipeline chunks/s: chunks ÷ wall time of the whole \`syncIndex\` (chunking, embedding, tokenizing, HNSW insert, writing the files). "pipeline ÷ bare time": that wall time ÷ the time of the bare transformers.js pipeline embedding exactly the same passage texts in batches of the same size, in the same process.
- Latency: warm \`retriever.search(q, {k: 10})\` on ${process.env.BENCH_QUERIES ?? 200} queries (titles of random corpus articles, ≤ 30 characters), model already loaded, after as many warm-up searches on other titles; hybrid includes the query embedding, the HNSW search, BM25 and fusion. The tier rows measure in the process that has just built the index (its build data still on the heap); the scale rows' hybrid searches run in a process that opened the saved index as the bot does, and are the serving figure.
- recall@10: HNSW top 10 vs exact inner-product top 10 over the same vectors, ${process.env.BENCH_RECALL_QUERIES ?? 100} queries (M=16, efConstruction=200, ef=128; the retriever's 60 dense candidates are searched with ef = 8 × 60).
- index on disk: the current generation's files (segment HNSW graphs + the index database of chunk rows and BM25 postings).
- Scale rows: the big tier's vectors are cached real vectors plus SYNTHETIC ones (see "vectors"); only the 50 articles of the daily add are embedded for real. "bytes written" is the \`wchar\` of /proc/self/io of the ingesting process (everything it passed to write(): segment file, SQLite WAL, manifest). "outside embedding" is the daily add's wall time minus the time the model spent on its chunks. RSS with the index loaded is the bot's process (store + retriever + answerer, model loaded, after a first question). Answer latency: \`answerer.ask\` on 200 questions made of random titles in four frames (谁出席了…？, …是什么时候举行的？, …有多少人参加？, …的主要内容是什么？), warm, with stored facts. The compaction row merges a copy of base + delta (after the daily add) into one segment; the two hybrid rows then run each query on base + delta and on the compacted copy one after the other (alternating which goes first) in the same process, and the identity row compares their top 10. Cold start: wall time of a whole \`ask\` process on the samples, median of alternating runs; time to first reply: \`npm run dev\` and \`npm start\` spawned alternately against telegram-test-api on loopback (tests/bot/emulator.ts), one question sent by a user at spawn, timed until the bot's answer arrives (model load, index open and getMe included). Embedding: the same real chunks through the three variants, interleaved in blocks; padding = tokens fed (each text padded to its batch's longest) ÷ tokens of the texts. Peak RSS: \`process.resourceUsage().maxRSS\` of the tier's own process.
`;
fs.writeFileSync(path.join(ROOT, "bench/RESULTS.md"), md);
process.stderr.write("wrote bench/RESULTS.md\n");

/** What the served tier, the cold start and the embedding variants measured (bench/results-scale.json). */
interface ScaleResult {
  tier?: number;
  ranAt?: string;
  /** Load average (1 / 5 / 15 min) at the start and at the end. */
  load?: { start: string; end: string };
  dailyAdd?: {
    articles: number;
    chunks: number;
    wallSeconds: number;
    embedSeconds: number;
    outsideEmbeddingSeconds: number;
    bytesWritten: number;
    peakRssBytes: number;
  };
  serve?: {
    rssLoadedBytes: number;
    heapUsedBytes: number;
    hybridP50: number;
    hybridP95: number;
    compactedHybridP50?: number;
    compactedHybridP95?: number;
    answerP50: number;
    answerP95: number;
    titleFtsP50: number;
    titleLikeP50: number;
    compactSeconds: number;
    compactBytesWritten: number;
    compactIdenticalTop10: number;
    segmentsBeforeCompact: number;
  };
  coldStart?: {
    runs: number;
    tsxMedianMs: number;
    distMedianMs: number;
    sameAnswer: boolean;
    botDevFirstReplyMedianMs?: number;
    botStartFirstReplyMedianMs?: number;
    botSameReply?: boolean;
    loadStart?: string;
    loadEnd?: string;
  };
  embedding?: {
    chunks: number;
    pipelineChunksPerSec: number;
    bareFileOrderChunksPerSec: number;
    bareLengthSortedChunksPerSec: number;
    pipelineOverBareSorted: number;
    paddingFileOrder: number;
    paddingLengthSorted: number;
  };
}

/** The scale rows as a Markdown table: measure, value, target. */
function scaleRows(r: ScaleResult): string {
  const MB = (b?: number) => (b === undefined ? "–" : `${(b / 1048576).toFixed(1)} MB`);
  const n = (x?: number, d = 1) => (x === undefined ? "–" : x.toFixed(d));
  const d = r.dailyAdd;
  const s = r.serve;
  const c = r.coldStart;
  const e = r.embedding;
  const rows: [string, string, string][] = [
    [
      `daily add of ${d?.articles ?? 50} articles (${d?.chunks ?? "–"} chunks) into ${r.tier ?? "–"}: wall / embedding / outside embedding`,
      `${n(d?.wallSeconds, 2)} s / ${n(d?.embedSeconds, 2)} s / ${n(d?.outsideEmbeddingSeconds, 2)} s`,
      "outside embedding ≤ 1.5 s",
    ],
    ["daily add: bytes written", MB(d?.bytesWritten), "≤ 5 MB"],
    ["daily add: peak RSS of the ingesting process", MB(d?.peakRssBytes), "≤ 600 MB"],
    [
      `bot process with ${r.tier ?? "–"} loaded: RSS (JS heap)`,
      `${MB(s?.rssLoadedBytes)} (${MB(s?.heapUsedBytes)})`,
      "≤ 600 MB",
    ],
    [
      `hybrid search at ${r.tier ?? "–"} (base + 1 delta): p50 / p95`,
      `${n(s?.hybridP50)} / ${n(s?.hybridP95)} ms`,
      "p50 ≤ 15 ms",
    ],
    [
      `hybrid search at ${r.tier ?? "–"} compacted (1 segment), the same queries interleaved with the row above: p50 / p95`,
      `${n(s?.compactedHybridP50)} / ${n(s?.compactedHybridP95)} ms`,
      "–",
    ],
    [
      `warm answer at ${r.tier ?? "–"}: p50 / p95`,
      `${n(s?.answerP50)} / ${n(s?.answerP95)} ms`,
      "p50 ≤ 25 ms, p95 ≤ 50 ms",
    ],
    [
      "title look-up p50: FTS5 idsByTitle / the LIKE scan it replaced",
      `${n(s?.titleFtsP50, 2)} / ${n(s?.titleLikeP50, 2)} ms`,
      "–",
    ],
    [
      `index compact (${s?.segmentsBeforeCompact ?? "–"} segments → 1): wall / bytes written`,
      `${n(s?.compactSeconds, 1)} s / ${MB(s?.compactBytesWritten)}`,
      "–",
    ],
    [
      "top 10 identical before and after compact",
      s ? `${(s.compactIdenticalTop10 * 100).toFixed(1)}% of ${process.env.BENCH_QUERIES ?? 200} queries` : "–",
      "100%",
    ],
    [
      `CLI \`ask\` cold start on the samples: tsx / compiled (median of ${c?.runs ?? "–"})`,
      `${n(c?.tsxMedianMs ? c.tsxMedianMs / 1000 : undefined, 2)} s / ${n(c?.distMedianMs ? c.distMedianMs / 1000 : undefined, 2)} s`,
      "compiled ≤ 1.5 s",
    ],
    [
      `bot time to first reply (spawn → reply to one question, emulator on loopback): \`npm run dev\` / \`npm start\` (median of ${c?.runs ?? "–"}, load ${c?.loadStart ?? "–"} → ${c?.loadEnd ?? "–"})`,
      `${n(c?.botDevFirstReplyMedianMs ? c.botDevFirstReplyMedianMs / 1000 : undefined, 2)} s / ${n(c?.botStartFirstReplyMedianMs ? c.botStartFirstReplyMedianMs / 1000 : undefined, 2)} s`,
      "–",
    ],
    [
      `embedding ${e?.chunks ?? "–"} real chunks, chunks/s: pipeline / bare file order / bare length-sorted`,
      `${n(e?.pipelineChunksPerSec)} / ${n(e?.bareFileOrderChunksPerSec)} / ${n(e?.bareLengthSortedChunksPerSec)}`,
      "–",
    ],
    ["pipeline ÷ bare length-sorted (throughput)", n(e?.pipelineOverBareSorted, 2), "≥ 0.9"],
    ["padding: file order / length-sorted", `${n(e?.paddingFileOrder, 2)} / ${n(e?.paddingLengthSorted, 2)}`, "–"],
  ];
  return ["| measure | value | target |", "|---|---|---|", ...rows.map((x) => `| ${x.join(" | ")} |`)].join("\n");
}

/** A load average triple as "1 / 5 / 15". */
function fmtLoad(l: number[]): string {
  return l.map((x) => x.toFixed(1)).join(" / ");
}
