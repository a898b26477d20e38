// `npx tsx bench/guard.ts`: cost of the answer guard (`unsupported`) per claim, on the real sentences of the
// sample bulletins: each sentence checked against itself (what an extractive answer costs), and the same
// sentences with an invented name spliced in (what a dropped LLM sentence costs). Prints medians and p95 in ms.
import { unsupported } from "../src/answer/guard.js";
import { splitSentences } from "../src/facts/text.js";
import { sampleArticles } from "../tests/answer/fixtures/sample-articles.js";

const sentences = sampleArticles().flatMap((a) => splitSentences(a.text).map((s) => s.text));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
}

function time(claims: [string, string][]): number[] {
  const out: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [claim, quote] of claims) {
      const t = performance.now();
      unsupported(claim, [quote]);
      out.push(performance.now() - t);
    }
  }
  return out;
}

// Warm up jieba's dictionary and the JIT.
time(sentences.slice(0, 20).map((s) => [s, s]));
const self = time(sentences.map((s) => [s, s]));
const invented = time(sentences.map((s) => [`${s.replace(/。$/, "")}，张伟主持了会议。`, s]));
const chars = sentences.reduce((n, s) => n + s.length, 0) / sentences.length;
console.log(`${sentences.length} sample sentences (mean ${chars.toFixed(0)} characters), ${ROUNDS} rounds`);
console.log("| claim | median ms | p95 ms |\n|---|---|---|");
for (const [name, xs] of [
  ["sentence against itself", self],
  ["sentence + invented name", invented],
] as const)
  console.log(`| ${name} | ${quantile(xs, 0.5).toFixed(3)} | ${quantile(xs, 0.95).toFixed(3)} |`);
