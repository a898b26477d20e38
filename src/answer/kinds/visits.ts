import { VISIT_LEADS } from "../../core/zh/places.js";
import type { PlaceFact } from "../../facts/types.js";
import type { Claim } from "../citations.js";
import { claimOf, instanceCount, MIN_CLAUSE_COVERAGE, relevantSentences, withoutTitleUnits } from "../extractive.js";
import { coverage } from "../units.js";
import type { QuestionKind } from "./kind.js";
import { askedArticles } from "./shared.js";

/** A question asking which places were visited: a visit verb near 哪些/哪几 ("先后去了哪些地方", "察看了哪些项目"). */
const ASKS_VISITED = new RegExp(
  `(?:${VISIT_LEADS}|去了?|走进了?|考察了?|视察了?|调研了?|观摩了?|慰问了?)[^？?，,]{0,4}(?:哪些|哪几[个所家处]?)|(?:哪些|哪几[个所家处]?)(?:地方|地点|项目|村|镇|乡|社区|学校|企业|单位|部队|点位)[^？?]{0,6}(?:${VISIT_LEADS}|走访|调研|视察|观摩|考察|去)`,
);

/** A visit verb followed by a list ("先后来到盆尧镇…、于营村…"). */
const VISIT_LIST = new RegExp(`(?:${VISIT_LEADS})[^，,。；;]{2,40}、`);

/** The sentence that lists places visited continues in the next one when that starts with 随后/又/再… and names places too. */
const CONTINUES = /^(?:随后|之后|其后|接着|又|还|再|并|同时|此外|期间|在[^，,]{2,12}(?:时|期间)?[，,])/;

/** "先后去了哪些地方？", "察看了哪些项目？": every place the news lists as visited, as printed. */
export const visits: QuestionKind = {
  name: "visits",
  description: "which places were visited (先后到了哪些地方, 察看了哪些项目)",
  detect: (q) => (ASKS_VISITED.test(q.text) ? {} : undefined),
  answer(ctx) {
    const asked = new Set(askedArticles(ctx).map((c) => c.article.id));
    const relevant = relevantSentences(
      ctx.q,
      ctx.scored().filter((s) => asked.has(s.cand.article.id)),
    );
    // "去了哪几所医院": the places asked are of a kind; a list of other places is no answer.
    const noun = ctx.q.text.match(
      /哪(?:些|几)[个所家处座]?([\u4e00-\u9fff]{1,4}?)(?=[？?，,。]|$|的|进行|开展|调研|慰问)/,
    )?.[1];
    const ofKind = (t: string) =>
      !noun || /^(?:地方|地点|点位|处)$/.test(noun) || t.includes(noun) || instanceCount(noun, t) > 0;
    let best: { s: (typeof relevant)[number]; score: number } | undefined;
    for (const s of relevant) {
      if (!ofKind(s.sentence.text)) continue;
      const places = s.cand.facts.filter(
        (f): f is PlaceFact => f.kind === "place" && f.start >= s.sentence.start && f.end <= s.sentence.end,
      );
      const listed = (s.sentence.text.match(/、/g) ?? []).length;
      if (places.length === 0 && listed === 0) continue;
      const n = instanceCount(ctx.q.category, s.sentence.text);
      if (n === 0) continue;
      const local = withoutTitleUnits(ctx.weights, s.meta);
      // A list led by a visit verb ("先后来到A、B、C等地") is what the question asks for.
      const visitList = VISIT_LIST.test(s.sentence.text) ? 0.1 * Math.min(5, listed) : 0;
      const score =
        coverage(local, s.sentence.text) +
        0.1 * Math.min(5, places.length) +
        visitList +
        (n > 0 ? 0.1 * Math.min(5, n) : 0);
      if (!best || score > best.score) best = { s, score };
    }
    if (!best || best.score < MIN_CLAUSE_COVERAGE * 0.8) return [];
    const claims: Claim[] = [claimOf(best.s, best.s.sentence.text)];
    // "…先后到A、B。随后，又来到C、D…": the list goes on in the next sentence.
    const next = ctx
      .scored()
      .filter((x) => x.cand.article.id === best?.s.cand.article.id && x.sentence.start > (best?.s.sentence.end ?? 0))
      .sort((x, y) => x.sentence.start - y.sentence.start)[0];
    if (
      next &&
      CONTINUES.test(next.sentence.text) &&
      next.cand.facts.some((f) => f.kind === "place" && f.start >= next.sentence.start && f.end <= next.sentence.end)
    )
      claims.push(claimOf(next, next.sentence.text));
    return claims;
  },
};
