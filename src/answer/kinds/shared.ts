import type { Claim } from "../citations.js";
import {
  bestClause,
  type CandidateArticle,
  claimOf,
  MIN_COVERAGE,
  pickSentence,
  relevantSentences,
} from "../extractive.js";
import { ASKS_WHO } from "../question.js";
import type { AnswerContext } from "./kind.js";

/** Whether a question asks who (谁, 哪些领导, 名单 …). */
export function asksWho(text: string): boolean {
  return ASKS_WHO.test(text) || /名单|都有/.test(text);
}

/** The candidates that are about the question: relevance at least MIN_COVERAGE and 90 % of the best. */
export function askedArticles(ctx: AnswerContext): CandidateArticle[] {
  const top = Math.max(0, ...ctx.cands.map((c) => ctx.relevance.get(c.article.id) ?? 0));
  return ctx.cands.filter((c) => (ctx.relevance.get(c.article.id) ?? 0) >= Math.max(MIN_COVERAGE, top * 0.9));
}

/** The sentence of the article(s) asked about that says who did the verb asked ("谁督导了…" → "…卢和平…督导…"). */
export function whoDidSentence(ctx: AnswerContext): Claim[] {
  const asked = new Set(askedArticles(ctx).map((c) => c.article.id));
  const verb = ctx.q.verb;
  // In the article asked about, the sentence printing the verb answers even when it repeats none of the
  // question's words ("…动员大会上谁发言了" → "县发改委、…作表态发言"): the title says the event.
  const relevant = relevantSentences(
    ctx.q,
    ctx.scored().filter((s) => asked.has(s.cand.article.id)),
    (s) => !!verb && s.sentence.text.includes(verb),
  );
  const s = pickSentence(ctx.q, relevant, ctx.weights, (x) => !verb || x.sentence.text.includes(verb));
  if (!s) return [];
  const clause = bestClause(s, ctx.weights, (c) => !verb || c.text.includes(verb), 0);
  const text = s.sentence.text.length <= 120 ? s.sentence.text : clause;
  // "张伟在代表…作工作报告中说": the statement without the reporting verb.
  return text ? [claimOf(s, text.replace(/(?:时|中)?(?:说|指出|表示|强调)[:：]?$/, ""))] : [];
}
