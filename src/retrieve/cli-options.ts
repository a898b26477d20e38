import type { SearchMode, SearchOptions } from "./news-retriever.js";

/** Raw option strings of the `search` / `eval-retrieval` commands. */
export interface RawSearchOptions {
  k?: string;
  district?: string;
  mode?: string;
  dateFrom?: string;
  dateTo?: string;
  maxPerArticle?: string;
  fusion?: string;
}

const MODES: readonly SearchMode[] = ["hybrid", "dense", "bm25"];

function positiveInt(name: string, v: string | undefined, allowZero = false): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > 1000) {
    throw new Error(`${name} must be an integer between ${allowZero ? 0 : 1} and 1000, got "${v}"`);
  }
  return n;
}

function isoDate(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  const d = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : undefined;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.trim()) {
    throw new Error(`${name} must be a date YYYY-MM-DD, got "${v}"`);
  }
  return v.trim();
}

/** Validates command-line search options into `SearchOptions`, with an actionable message on bad input. */
export function parseSearchOptions(raw: RawSearchOptions): SearchOptions {
  if (raw.mode !== undefined && !MODES.includes(raw.mode as SearchMode)) {
    throw new Error(`--mode must be one of ${MODES.join(", ")}, got "${raw.mode}"`);
  }
  if (raw.fusion !== undefined && raw.fusion !== "rrf" && raw.fusion !== "relative") {
    throw new Error(`--fusion must be rrf or relative, got "${raw.fusion}"`);
  }
  const opts: SearchOptions = {
    fusion: raw.fusion as SearchOptions["fusion"],
    k: positiveInt("--k", raw.k),
    district: raw.district?.trim() || undefined,
    mode: raw.mode as SearchMode | undefined,
    dateFrom: isoDate("--date-from", raw.dateFrom),
    dateTo: isoDate("--date-to", raw.dateTo),
    maxPerArticle: positiveInt("--max-per-article", raw.maxPerArticle, true),
  };
  if (opts.dateFrom && opts.dateTo && opts.dateFrom > opts.dateTo) {
    throw new Error(`--date-from ${opts.dateFrom} is after --date-to ${opts.dateTo}`);
  }
  return opts;
}
