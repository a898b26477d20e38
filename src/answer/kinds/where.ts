import { formsOf } from "../../core/zh/meetings.js";
import { ASKS_WHERE, PLACE_LEAD, PLACE_VERBS } from "../../core/zh/places.js";
import { bestClause, claimOf, pickSentence, relevantSentences } from "../extractive.js";
import type { QuestionKind } from "./kind.js";

/** "…在哪里举行？": the clause that says where ("在…召开", "到…", "位于…"). */
export const where: QuestionKind = {
  name: "where",
  description: "where (在哪里, 什么地方)",
  detect: (q) => (ASKS_WHERE.test(q.text) ? {} : undefined),
  // "在哪里举行": any verb of holding says where ("在社区活动室举办"); the event's words pick the sentence.
  askWords: /^(?:召开|举行|举办|进行)$/,
  answer(ctx) {
    // "在…召开" / "于…举行"-style clauses; the question's own verb next to 在哪里 ("在哪里闭幕") counts too. A
    // count of who came ("实到…代表227名", "应到") or "到会" is no place.
    // A spoken form of that verb is matched as printed ("在哪里开闭幕会" → 闭幕).
    const verbs = [...PLACE_VERBS, ...ctx.q.focus.filter((f) => /^\p{Script=Han}{2,4}$/u.test(f)).flatMap(formsOf)];
    const place = new RegExp(
      `${PLACE_LEAD}[^，,。]{2,30}?(?:${verbs.join("|")})|(?<![实应报收达得受做感想遇迟签])到(?![会场位])[^，,。]{2,}|来到|前往|位于|地点|落户|设在`,
    );
    const relevant = relevantSentences(ctx.q, ctx.scored());
    const s = pickSentence(ctx.q, relevant, ctx.weights, (x) => place.test(x.sentence.text));
    const text = s && bestClause(s, ctx.weights, (c) => place.test(c.text), 8, ctx.q.focus);
    return s && text ? [claimOf(s, text)] : [];
  },
};
