import { splitClauses } from "../../facts/text.js";
import {
  bestClause,
  claimOf,
  hasQuantity,
  MIN_CLAUSE_COVERAGE,
  relevantSentences,
  type ScoredSentence,
  withoutTitleUnits,
} from "../extractive.js";
import { ASKS_HOWMANY } from "../question.js";
import { coverage } from "../units.js";
import type { QuestionKind } from "./kind.js";

/** "多少个项目？", "总投资多少？": the clause stating the quantity asked about. */
export const howMany: QuestionKind = {
  name: "howmany",
  description: "how many / how much (多少, 几个)",
  // "哪几所学校" asks which, not how many.
  detect: (q) => (ASKS_HOWMANY.test(q.text.replace(/哪几/g, "哪些")) ? {} : undefined),
  answer(ctx) {
    // The clause stating a quantity that best matches what the question asks beyond the article's title;
    // a quantity of something else ("补选6名委员" for "多少名委员出席") is no answer.
    let best: { s: ScoredSentence; cov: number } | undefined;
    for (const s of relevantSentences(ctx.q, ctx.scored()).slice(0, 12)) {
      if (!hasQuantity(s.sentence.text)) continue;
      const local = withoutTitleUnits(ctx.weights, s.cand.article.title);
      for (const c of splitClauses(s.sentence)) {
        if (!hasQuantity(c.text)) continue;
        const cov = coverage(local, c.text) + 0.05 * s.score;
        if (!best || cov > best.cov) best = { s, cov };
      }
    }
    if (!best || best.cov < MIN_CLAUSE_COVERAGE) return [];
    const text = bestClause(best.s, ctx.weights, (c) => hasQuantity(c.text));
    return text ? [claimOf(best.s, text)] : [];
  },
};
