import { ACTION_VERBS, MEETING_ACTS } from "../../core/zh/roles.js";
import { roleClaims } from "../extractive.js";
import { ASKS_WHO } from "../question.js";
import type { QuestionKind } from "./kind.js";
import { askedArticles, whoDidSentence } from "./shared.js";

const KNOWN_VERB = new RegExp([...ACTION_VERBS, ...MEETING_ACTS].join("|"));

/**
 * The verb asked after 谁: a known action or meeting act anywhere after it ("谁对…工作进行了安排部署" → 部署,
 * "谁在政协会议上作常委会工作报告" → 报告), else the two characters after 谁 ("谁督导了" → 督导).
 */
export function verbAsked(text: string): string | undefined {
  const at = text.search(/谁/);
  const after = at >= 0 ? text.slice(at + 1) : "";
  return after.match(KNOWN_VERB)?.[0] ?? text.match(/谁(?:来|去|负责|亲自)?([\u4e00-\u9fff]{2})/)?.[1];
}

/** "谁督导了…？", "哪些单位慰问了…": who did an action verb. */
export const whoDid: QuestionKind = {
  name: "who_did",
  description: "who did an action (谁督导/调研/慰问…)",
  roleAsk: true,
  detect(q) {
    if (!ASKS_WHO.test(q.text)) return undefined;
    return { verb: verbAsked(q.text) };
  },
  answer(ctx) {
    const claims = roleClaims(ctx.q, ctx.ranked(), ctx.relevance);
    if (claims.length > 0) return claims;
    // No fact of that verb: the sentence that says it; no verb ("慰问了哪些单位"): the sentence naming them.
    return ctx.q.verb ? whoDidSentence(ctx) : ctx.answerAs("which", {}, askedArticles(ctx));
  },
};
