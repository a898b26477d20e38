import { ASKS_WHEN, DATE_IN } from "../../core/zh/dates.js";
import { bestClause, claimOf, dateClause, pickSentence, relevantSentences } from "../extractive.js";
import type { QuestionKind } from "./kind.js";

/** "…是哪天开的？", "什么时候…": the date as printed, with the clause it dates. */
export const when: QuestionKind = {
  name: "when",
  description: "when (哪天, 几号, 什么时候, 哪年)",
  detect: (q) => (ASKS_WHEN.test(q.text) ? {} : undefined),
  // "哪天开幕的": the date a meeting opened is the date it was held, or the first of a range it was held on.
  // A year asked ("2021年…是哪天开的") is checked on the article and the sentence (yearFits), not matched.
  askWords: /^(?:开幕|召开|举行|举办|(?:19|20)\d{2}年?)$/,
  answer(ctx) {
    const relevant = relevantSentences(ctx.q, ctx.scored());
    // "哪年的…报告", "哪一年": a printed year is the answer, with the clause it stands in.
    if (/哪一?年/.test(ctx.q.text) && !/几月|哪天|哪一天|几号|几日|日期/.test(ctx.q.text)) {
      const year = (t: string) => /(?:19|20)\d{2}年/.test(t);
      const s = pickSentence(ctx.q, relevant, ctx.weights, (x) => year(x.sentence.text));
      const text = s && bestClause(s, ctx.weights, (c) => year(c.text), 8, ctx.q.focus);
      return s && text ? [claimOf(s, text)] : [];
    }
    // "具体是哪天": "近日" is no day; a printed day or month is.
    const concrete = /具体|哪一?天|几号|几月几/.test(ctx.q.text);
    // An opening asked is never answered by the closing's date ("…闭幕" printed alone).
    const closing = (t: string) => /开幕/.test(ctx.q.text) && /闭幕|结束/.test(t) && !/开幕|至|到|—|-/.test(t);
    const dated = (t: string) => DATE_IN.test(concrete ? t.replace(/近日|日前/g, "") : t) && !closing(t);
    const s = pickSentence(ctx.q, relevant, ctx.weights, (x) => dated(x.sentence.text));
    return s ? [claimOf(s, dateClause(s, ctx.weights))] : [];
  },
};
