import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import type { Article } from "../src/core/types.js";

/** The benchmark corpus (read in place; never copied into the project). */
export const CORPUS = process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl";

/** The first `n` articles of the corpus as stored `Article`s (one bulletin "file" per date). */
export async function readCorpus(n: number, file = CORPUS): Promise<Article[]> {
  const out: Article[] = [];
  const rl = readline.createInterface({
    input: fs.createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) {
    if (out.length >= n) break;
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string; date: string; text: string };
    out.push({
      id: crypto.createHash("sha1").update(r.id).digest("hex").slice(0, 12),
      title: r.title,
      subtitle: null,
      district: null,
      districts: [],
      date: r.date,
      dateText: null,
      byline: null,
      text: r.text,
      repeatedParagraphs: [],
      source: `xwlb-${r.date}.txt`,
      seq: out.length,
      ingestedAt: "2026-01-01T00:00:00.000Z",
    });
  }
  rl.close();
  if (out.length < n) throw new Error(`${file} has only ${out.length} articles, ${n} asked`);
  return out;
}

/** A small seeded PRNG (mulberry32), so every run samples the same queries. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** p-th percentile (0–100) of `xs`. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}
