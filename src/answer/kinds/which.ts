import {
  claimOf,
  clauseWindow,
  instanceCount,
  listedCount,
  MIN_CLAUSE_COVERAGE,
  pickSentence,
  pointClaims,
  relevantSentences,
} from "../extractive.js";
import { ASKS_WHICH } from "../question.js";
import type { QuestionKind } from "./kind.js";

/** The verbs of a points question ("部署了哪些工作") as printed with a list ("就A、B等工作进行了安排部署"). */
const POINTS_VERB = /部署|安排|强调|要求|提出|明确/;

/** "哪些企业…？", "提出了哪些要求？", "采用了什么方式？": the sentence (or the points) that names them. */
export const which: QuestionKind = {
  name: "which",
  description: "which / what (哪些, 什么), incl. the points a meeting set out",
  detect: (q) => (ASKS_WHICH.test(q.text) ? {} : undefined),
  answer(ctx) {
    const scored = ctx.scored();
    const relevant = relevantSentences(ctx.q, scored);
    // "提出了什么要求", "有哪些措施": the framing words weigh less than in when/where questions.
    if (ctx.q.points) {
      // "还安排部署了哪些工作": a sentence listing them with the verb ("还就A、B、C等工作进行了安排部署").
      const noun = ctx.q.listed;
      const listing =
        noun &&
        pickSentence(
          ctx.q,
          relevant,
          ctx.weights,
          (x) => POINTS_VERB.test(x.sentence.text) && listedCount(noun, x.sentence.text) >= 2,
          MIN_CLAUSE_COVERAGE * 0.6,
        );
      if (listing)
        return [
          claimOf(
            listing,
            listing.sentence.text.length <= 100
              ? listing.sentence.text
              : clauseWindow(listing, ctx.weights, ctx.q.focus),
          ),
        ];
      const points = pointClaims(relevant, scored, ctx.weights);
      if (points.length > 0) return points;
    }
    // "哪些企业": only a sentence that names one (a sentence on the topic naming none does not answer).
    const s = pickSentence(
      ctx.q,
      relevant,
      ctx.weights,
      (x) => instanceCount(ctx.q.category, x.sentence.text) !== 0,
      MIN_CLAUSE_COVERAGE * 0.6,
    );
    if (!s) return [];
    const text = s.sentence.text.length <= 100 ? s.sentence.text : clauseWindow(s, ctx.weights, ctx.q.focus);
    return text ? [claimOf(s, text)] : [];
  },
};
