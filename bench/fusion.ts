// Which fusion of dense and BM25 rankings finds the right article? Ingests each eval set into a
// temporary index and prints MRR / hit@1 / hit@5 of dense, BM25 and several fusions. The local-dev
// questions are split: ids not ending 0, 3 or 7 tune the weights, the rest are reported held out.
//   npx tsx bench/fusion.ts
// Reads ../shared/bulletins + ../shared/eval/questions.jsonl and ../shared/eval/local-dev (skipped
// when absent). `HYBRID_WEIGHTS` (src/retrieve/news-retriever.ts) records the figures it chose from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runIngest } from "../src/app/ingest.js";
import { loadConfig } from "../src/config/env.js";
import { evaluateRetrieval, readEvalCases } from "../src/retrieve/eval.js";
import { openRetriever } from "../src/retrieve/open.js";
import { ArticleStore } from "../src/store/articles.js";
import { openDb } from "../src/store/db.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const SHARED = path.resolve(ROOT, "../shared");
const sets = [
  { name: "sample", pages: path.join(SHARED, "bulletins"), q: path.join(SHARED, "eval/questions.jsonl"), split: false },
  {
    name: "local-dev",
    pages: path.join(SHARED, "eval/local-dev/pages"),
    q: path.join(SHARED, "eval/local-dev/questions.jsonl"),
    split: true,
  },
];
const fusions: { name: string; fusion: "rrf" | "relative"; weights: { dense: number; bm25: number } }[] = [
  { name: "rrf 1:1", fusion: "rrf", weights: { dense: 1, bm25: 1 } },
  { name: "rrf 1:2", fusion: "rrf", weights: { dense: 1, bm25: 2 } },
  { name: "rrf 1:3", fusion: "rrf", weights: { dense: 1, bm25: 3 } },
  { name: "relative 1:1", fusion: "relative", weights: { dense: 1, bm25: 1 } },
  { name: "relative 1:2", fusion: "relative", weights: { dense: 1, bm25: 2 } },
];
const fmt = (s: { mrr: number; hit1: number; hit5: number }) =>
  `${s.mrr.toFixed(3)} / ${s.hit1.toFixed(3)} / ${s.hit5.toFixed(3)}`;
const heldOut = (id: string) => /[037]$/.test(id);

for (const set of sets) {
  if (!fs.existsSync(set.pages) || !fs.existsSync(set.q)) {
    console.log(`${set.name}: skipped (no ${set.pages})`);
    continue;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-fusion-"));
  const config = loadConfig({ INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models"), LOG_LEVEL: "silent" }, ROOT);
  const db = openDb(dir);
  const store = new ArticleStore(db);
  await runIngest([set.pages], store, config);
  const retriever = openRetriever(store, config);
  const all = readEvalCases(set.q);
  const parts = set.split
    ? [
        { part: "tune", cases: all.filter((c) => !heldOut(c.id)) },
        { part: "held-out", cases: all.filter((c) => heldOut(c.id)) },
      ]
    : [{ part: "all", cases: all }];
  for (const { part, cases } of parts) {
    const base = await evaluateRetrieval(cases, (q, o) => retriever.search(q, o), ["dense", "bm25"]);
    console.log(`${set.name} ${part} (${cases.length} questions) — MRR / hit@1 / hit@5`);
    for (const s of base.scores) console.log(`  ${s.mode.padEnd(14)} ${fmt(s)}`);
    for (const f of fusions) {
      const e = await evaluateRetrieval(
        cases,
        (q, o) => retriever.search(q, { ...o, fusion: f.fusion, weights: f.weights }),
        ["hybrid"],
      );
      console.log(`  ${f.name.padEnd(14)} ${fmt(e.scores[0]!)}`);
    }
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
