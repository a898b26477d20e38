// `npm run bench`: indexing and search benchmark on ../shared/corpus/news-xwlb.jsonl (see bench/RESULTS.md).
// Each tier runs in its own process (bench/tier.ts) so that its peak RSS is its own.
// BENCH_TIERS="1000:real:bare,5000,20000" (default): "real" = embed missing passages with the model,
// "bare" = also time the bare model on the same passages; tiers without "real" re-use the real
// vectors cached by earlier tiers and synthesize the rest (see bench/vector-cache.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const tiers = (process.env.BENCH_TIERS ?? "1000:real:bare,5000,20000").split(",").map((t) => {
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

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const md = `# Benchmark results (latest run)

Last run: \`npm run bench\` (${started}), tiers \`${tiers.map((t) => [t.n, ...t.flags].join(":")).join(",")}\`; rows of other tiers come from earlier runs (bench/results.json, see the "run" column).
Machine: ${machine}. Load average (1/5/15 min) at start ${load0.map((x) => x.toFixed(1)).join(" / ")}, at end ${load1.map((x) => x.toFixed(1)).join(" / ")} — the machine is shared, so absolute times are noisy.

${table}

How to read it:
- Corpus: the first N articles of \`../shared/corpus/news-xwlb.jsonl\` (read in place, never copied), chunked by the project's chunker, indexed by \`syncIndex\` (chunk → embed → HNSW + BM25 → atomic save).
- "vectors": how many chunk vectors were computed by the model in this run (real), re-used from the on-disk cache of an earlier tier's real vectors (cached), or SYNTHESIZED (normalized sum of two random real vectors plus Gaussian noise). Synthetic vectors are a documented shortcut so the large tiers fit in the time available on 2 shared cores: they exercise HNSW latency, recall, size and memory at full scale but say nothing about relevance. Throughput columns are only given where chunks were embedded for real.
- pipeline chunks/s: chunks ÷ wall time of the whole \`syncIndex\` (chunking, embedding, tokenizing, HNSW insert, writing the files). "pipeline ÷ bare time": that wall time ÷ the time of the bare transformers.js pipeline embedding exactly the same passage texts in batches of the same size, in the same process.
- Latency: warm \`retriever.search(q, {k: 10})\` on ${process.env.BENCH_QUERIES ?? 200} queries (titles of random corpus articles, ≤ 30 characters), model already loaded; hybrid includes the query embedding, the HNSW search, BM25 and fusion.
- recall@10: HNSW top 10 vs exact inner-product top 10 over the same vectors, ${process.env.BENCH_RECALL_QUERIES ?? 100} queries (M=16, efConstruction=200, ef=128).
- index on disk: the current generation's files (hnsw + chunk table + BM25). Peak RSS: \`process.resourceUsage().maxRSS\` of the tier's own process.
`;
fs.writeFileSync(path.join(ROOT, "bench/RESULTS.md"), md);
process.stderr.write("wrote bench/RESULTS.md\n");
