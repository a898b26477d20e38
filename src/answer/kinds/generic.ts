import { claimOf, clauseWindow, relevantSentences } from "../extractive.js";
import type { QuestionKind } from "./kind.js";

/** Any other question: the 1–3 most relevant sentences, each cited. Always claims the question (last in the list). */
export const generic: QuestionKind = {
  name: "generic",
  description: "anything else: the 1–3 most relevant sentences",
  detect: () => ({}),
  answer(ctx) {
    const relevant = relevantSentences(ctx.q, ctx.scored());
    const top = relevant.slice(0, 3).filter((s, i) => i === 0 || s.score >= (relevant[0]?.score ?? 0) * 0.8);
    return top
      .map((s) => claimOf(s, s.sentence.text.length <= 120 ? s.sentence.text : clauseWindow(s, ctx.weights)))
      .filter((c) => c.text);
  },
};
