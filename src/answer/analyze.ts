import { KINDS } from "./kinds/index.js";
import { type QuestionAnalysis, readQuestion } from "./question.js";

export type { QuestionAnalysis } from "./question.js";

/**
 * Reads what a Chinese question asks: the question is read once (`readQuestion`: normalized text,
 * content, district, years, ordinals, the words framing the ask), then the kinds of
 * `src/answer/kinds/index.ts` are asked in priority order; the first that claims it sets `kind`
 * and its fields (roles, target, verb). Traditional characters and full-width forms are
 * normalized first. Pure.
 */
export function analyzeQuestion(question: string, districts: readonly string[] = []): QuestionAnalysis {
  const base = readQuestion(question, districts);
  for (const kind of KINDS) {
    const found = kind.detect(base);
    if (found) return { ...base, kind: kind.name, roles: found.roles ?? [], target: found.target, verb: found.verb };
  }
  // `generic` claims every question; reaching here means the registry lost it.
  throw new Error("no question kind claimed the question: keep `generic` last in src/answer/kinds/index.ts");
}
