import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import type { Article } from "../src/core/types.js";

/** The benchmark corpus (read in place; never copied into the project). */
export const CORPUS = process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl";

/**
 * The first `n` articles of the corpus as stored `Article`s (one bulletin "file" per date). Beyond the
 * corpus's end (a tier larger than it), the articles are COPIES of the corpus in order, the k-th copy's
 * title followed by k "·": they make the index, its postings and its graph as large as the tier asks (a
 * term's posting list grows with the copies, as with more news), the mark is punctuation, which BM25 drops,
 * so no query term matches the copies alone, and since every chunk's embedding text starts with the title
 * they miss the vector cache and get synthetic vectors (never duplicates of a real one).
 */
export async function readCorpus(n: number, file = CORPUS): Promise<Article[]> {
  const base: { id: string; title: string; date: string; text: string }[] = [];
  const rl = readline.createInterface({
    input: fs.createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) {
    if (base.length >= n) break;
    if (!line.trim()) continue;
    base.push(JSON.parse(line) as { id: string; title: string; date: string; text: string });
  }
  rl.close();
  if (base.length === 0) throw new Error(`${file} has no articles`);
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const r = base[i % base.length] as (typeof base)[number];
    const copy = Math.floor(i / base.length);
    out.push({
      id: crypto
        .createHash("sha1")
        .update(copy ? `${r.id}#${copy}` : r.id)
        .digest("hex")
        .slice(0, 12),
      title: `${r.title}${"·".repeat(copy)}`,
      subtitle: null,
      district: null,
      districts: [],
      date: r.date,
      dateText: null,
      byline: null,
      text: r.text,
      repeatedParagraphs: [],
      source: `xwlb-${r.date}.txt`,
      seq: i,
      ingestedAt: "2026-01-01T00:00:00.000Z",
    });
  }
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
