import { roleClaims } from "../extractive.js";
import { ASKS_WHO } from "../question.js";
import type { QuestionKind } from "./kind.js";
import { askedArticles, whoDidSentence } from "./shared.js";

/** "谁督导了…？", "哪些单位慰问了…": who did an action verb. */
export const whoDid: QuestionKind = {
  name: "who_did",
  description: "who did an action (谁督导/调研/慰问…)",
  roleAsk: true,
  detect(q) {
    if (!ASKS_WHO.test(q.text)) return undefined;
    return { verb: q.text.match(/谁(?:来|去|负责|亲自)?([\u4e00-\u9fff]{2})/)?.[1] };
  },
  answer(ctx) {
    const claims = roleClaims(ctx.q, ctx.ranked(), ctx.relevance);
    if (claims.length > 0) return claims;
    // No fact of that verb: the sentence that says it; no verb ("慰问了哪些单位"): the sentence naming them.
    return ctx.q.verb ? whoDidSentence(ctx) : ctx.answerAs("which", {}, askedArticles(ctx));
  },
};
