import { z } from "zod";
import type { Answer } from "../core/types.js";

/** One case of an eval file (format in ../shared/eval/README.md). */
export const evalCaseSchema = z.object({
  id: z.string().optional(),
  q: z.string().min(1),
  must: z.array(z.string()).optional(),
  any: z.array(z.string()).optional(),
  source: z.union([z.string(), z.array(z.string())]).optional(),
  none: z.boolean().optional(),
  /** What the question asks (dev sets: attend, when, number, none …): totals are also given per kind. */
  kind: z.string().optional(),
});

/** A parsed eval case. */
export type EvalCase = z.infer<typeof evalCaseSchema>;

/**
 * Parses an eval file: one JSON object per line, blank lines skipped.
 * Throws an error naming the line of the first bad case.
 */
export function parseEvalCases(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(
        `line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`,
      );
    cases.push(parsed.data);
  });
  return cases;
}

/** The parts an eval set is split into: `tune` is what rules may be tuned on, `holdout` is only scored. */
export type EvalSplit = "tune" | "holdout";

/**
 * The part a case belongs to: ids whose last digit is 0, 3 or 7 are held out (about a third), every
 * other case (and a case without an id or without a digit at its end) is for tuning.
 */
export function splitOf(c: Pick<EvalCase, "id">): EvalSplit {
  const last = c.id?.match(/(\d)$/)?.[1];
  return last !== undefined && "037".includes(last) ? "holdout" : "tune";
}

/** How one answer did. */
export interface EvalResult {
  id: string;
  /** The case's `kind`, or "none" for a `none` case without one, or "-". */
  kind: string;
  split: EvalSplit;
  question: string;
  answer: string;
  firstTitle: string | null;
  /** must/any satisfied; for a `none` case: declined with no citation. */
  answerOk: boolean;
  /** The first citation's title contains `source` (null when the case has no source). */
  citationOk: boolean | null;
  pass: boolean;
  ms: number;
}

/** Checks one answer against its case. */
export function judge(c: EvalCase, a: Answer, ms: number, index = 0): EvalResult {
  const text = a.answer;
  const answerOk = c.none
    ? !a.found && a.citations.length === 0
    : a.found &&
      (c.must ?? []).every((m) => text.includes(m)) &&
      (!c.any || c.any.length === 0 || c.any.some((m) => text.includes(m)));
  const sources = c.source === undefined ? [] : [c.source].flat();
  const firstTitle = a.citations[0]?.title ?? null;
  const citationOk = c.none || sources.length === 0 ? null : sources.some((s) => firstTitle?.includes(s) ?? false);
  return {
    id: c.id ?? `#${index + 1}`,
    kind: c.kind ?? (c.none ? "none" : "-"),
    split: splitOf(c),
    question: c.q,
    answer: text,
    firstTitle,
    answerOk,
    citationOk,
    pass: answerOk && citationOk !== false,
    ms,
  };
}

/** Totals of an eval run. */
export interface EvalTotals {
  cases: number;
  passed: number;
  /** Answer accuracy over all cases (a `none` case counts when declined). */
  answerAccuracy: number;
  /** Over cases with a `source`. */
  citationAccuracy: number | null;
  declines: { ok: number; of: number };
  medianMs: number;
}

/** The median of `xs` (0 when empty). */
export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Sums up results. */
export function totals(results: EvalResult[], cases: EvalCase[]): EvalTotals {
  const withSource = results.filter((r) => r.citationOk !== null);
  const none = results.filter((_, i) => cases[i]?.none);
  return {
    cases: results.length,
    passed: results.filter((r) => r.pass).length,
    answerAccuracy: results.length ? results.filter((r) => r.answerOk).length / results.length : 0,
    citationAccuracy: withSource.length ? withSource.filter((r) => r.citationOk).length / withSource.length : null,
    declines: { ok: none.filter((r) => r.answerOk).length, of: none.length },
    medianMs: median(results.map((r) => r.ms)),
  };
}

/** One row of a per-group summary: passed of cases. */
export interface GroupTotal {
  group: string;
  passed: number;
  cases: number;
}

/** Passed/cases per value of `key` (kind or split), largest group first, then by name. */
export function totalsBy(results: EvalResult[], key: (r: EvalResult) => string): GroupTotal[] {
  const groups = new Map<string, GroupTotal>();
  for (const r of results) {
    const g = key(r);
    const t = groups.get(g) ?? { group: g, passed: 0, cases: 0 };
    t.cases++;
    if (r.pass) t.passed++;
    groups.set(g, t);
  }
  return [...groups.values()].sort((a, b) => b.cases - a.cases || a.group.localeCompare(b.group));
}

/**
 * The per-kind table of a run, one line per kind with its tune and holdout parts
 * ("attend      tune 12/15  holdout 5/7  all 17/22"), then the same for all kinds.
 */
export function kindTable(results: EvalResult[]): string {
  const part = (rs: EvalResult[]) => `${rs.filter((r) => r.pass).length}/${rs.length}`;
  const rows = totalsBy(results, (r) => r.kind).map((g) => {
    const rs = results.filter((r) => r.kind === g.group);
    return [g.group, rs.filter((r) => r.split === "tune"), rs.filter((r) => r.split === "holdout"), rs] as const;
  });
  rows.push(["ALL", results.filter((r) => r.split === "tune"), results.filter((r) => r.split === "holdout"), results]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows
    .map(
      ([k, tune, hold, all]) =>
        `${k.padEnd(width)}  tune ${part(tune).padStart(7)}  holdout ${part(hold).padStart(7)}  all ${part(all).padStart(7)}`,
    )
    .join("\n");
}
