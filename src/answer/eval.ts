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

/** How one answer did. */
export interface EvalResult {
  id: string;
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
