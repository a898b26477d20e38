import fs from "node:fs";
import type { Document } from "@langchain/core/documents";
import type { ChunkMetadata } from "../core/types.js";
import type { SearchMode, SearchOptions } from "./news-retriever.js";

/** One evaluation case (format of `../shared/eval/questions.jsonl`, see its README). */
export interface EvalCase {
  id: string;
  q: string;
  must?: string[];
  any?: string[];
  /** Substring(s) of the expected article's title. */
  source?: string | string[];
  /** The news does not answer this question. */
  none?: boolean;
}

/** Reads a JSONL file of `EvalCase`s; a bad line is an error naming the line. */
export function readEvalCases(file: string): EvalCase[] {
  const text = fs.readFileSync(file, "utf8");
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON object`);
    }
    const c = obj as Partial<EvalCase>;
    if (typeof c !== "object" || c === null || typeof c.q !== "string" || !c.q.trim()) {
      throw new Error(`${file}:${i + 1}: a case needs a non-empty "q"`);
    }
    cases.push({ ...c, id: String(c.id ?? `line${i + 1}`), q: c.q });
  });
  return cases;
}

/**
 * Whether a retrieved chunk is the expected one: its title contains one of
 * `source`'s alternatives; for a case without `source`, its text (with the
 * title) contains every `must` string and one of the `any` strings.
 */
export function isRelevant(c: EvalCase, doc: Document<ChunkMetadata>): boolean {
  if (c.source !== undefined) {
    const alts = Array.isArray(c.source) ? c.source : [c.source];
    return alts.some((s) => doc.metadata.title.includes(s));
  }
  const hay = `${doc.metadata.title}\n${doc.pageContent}`;
  const must = c.must ?? [];
  const any = c.any ?? [];
  if (must.length === 0 && any.length === 0) return false;
  return must.every((m) => hay.includes(m)) && (any.length === 0 || any.some((a) => hay.includes(a)));
}

/** hit@1, hit@5 and MRR@10 of one mode, over the answerable cases. */
export interface ModeScores {
  mode: SearchMode;
  n: number;
  hit1: number;
  hit5: number;
  mrr: number;
  /** 1-based rank of the first relevant article per case id (0 = not in the top 10). */
  ranks: Record<string, number>;
}

/** For each out-of-corpus case (`none: true`): the best passage found, to see how close a miss looks. */
export interface NoneCase {
  id: string;
  q: string;
  topTitle: string | null;
  topScore: number | null;
}

/**
 * Runs every answerable case through `search` in each mode (article-level
 * ranks: at most one chunk per article, top 10) and scores them; `none`
 * cases are reported apart, with the best dense passage and its cosine.
 */
export async function evaluateRetrieval(
  cases: EvalCase[],
  search: (q: string, opts: SearchOptions) => Promise<Document<ChunkMetadata>[]>,
  modes: SearchMode[] = ["dense", "bm25", "hybrid"],
): Promise<{ scores: ModeScores[]; none: NoneCase[] }> {
  const answerable = cases.filter((c) => !c.none);
  const scores: ModeScores[] = [];
  for (const mode of modes) {
    const s: ModeScores = { mode, n: answerable.length, hit1: 0, hit5: 0, mrr: 0, ranks: {} };
    for (const c of answerable) {
      const docs = await search(c.q, { k: 10, mode, maxPerArticle: 1 });
      const idx = docs.findIndex((d) => isRelevant(c, d));
      const rank = idx + 1;
      s.ranks[c.id] = rank;
      if (rank === 1) s.hit1++;
      if (rank >= 1 && rank <= 5) s.hit5++;
      if (rank >= 1) s.mrr += 1 / rank;
    }
    if (s.n) {
      s.hit1 /= s.n;
      s.hit5 /= s.n;
      s.mrr /= s.n;
    }
    scores.push(s);
  }
  const none: NoneCase[] = [];
  for (const c of cases.filter((x) => x.none)) {
    const [top] = await search(c.q, { k: 1, mode: "dense", maxPerArticle: 1 });
    none.push({ id: c.id, q: c.q, topTitle: top?.metadata.title ?? null, topScore: top?.metadata.score ?? null });
  }
  return { scores, none };
}
