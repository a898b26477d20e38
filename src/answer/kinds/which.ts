import { formsOf } from "../../core/zh/meetings.js";
import { factName } from "../../facts/types.js";
import type { Claim } from "../citations.js";
import {
  type CandidateArticle,
  claimOf,
  clauseWindow,
  instanceCount,
  listedCount,
  MIN_CLAUSE_COVERAGE,
  pickSentence,
  pointClaims,
  relevantSentences,
  roleClause,
  type ScoredSentence,
} from "../extractive.js";
import { ASKS_WHICH } from "../question.js";
import type { AnswerContext, QuestionKind } from "./kind.js";
import { askedArticles } from "./shared.js";

/** The verbs of a points question ("部署了哪些工作") as printed with a list ("就A、B等工作进行了安排部署"). */
const POINTS_VERB = /部署|安排|强调|要求|提出|明确/;

/** "哪些企业…？", "提出了哪些要求？", "采用了什么方式？": the sentence (or the points) that names them. */
export const which: QuestionKind = {
  name: "which",
  description: "which / what (哪些, 什么), incl. the points a meeting set out",
  detect: (q) => (ASKS_WHICH.test(q.text) ? {} : undefined),
  answer(ctx) {
    // "吴永红参加了哪些会议或活动": every candidate article printing the person with a role, each cited.
    if (ACTIVITIES.test(ctx.q.text)) {
      const claims = activityClaims(ctx);
      if (claims.length > 0) return claims;
    }
    const scored = ctx.scored();
    // "张三…提出了哪些要求", "李四在讲话中要求聚焦什么": the person named tells the article, not the clause.
    const people = new Set(ctx.cands.flatMap((c) => c.facts.map(factName)).filter((n): n is string => !!n));
    const rest = new Map([...ctx.weights].filter(([u]) => ![...people].some((n) => n.includes(u))));
    const topic = rest.size > 0 ? rest : ctx.weights;
    // Only sentences of the article(s) asked about answer (never a less relevant one with the same words);
    // a person the question names ("李四在讲话中要求…") must be printed in it.
    const asked = new Set(namingArticles(ctx, askedArticles(ctx)).map((c) => c.article.id));
    const relevant = relevantSentences(ctx.q, scored).filter((s) => asked.has(s.cand.article.id));
    // "听取了哪些汇报", "期间还召开了哪些会议": an agenda printed as sentences that each open with the verb.
    const agenda = agendaClaim(
      ctx,
      scored.filter((s) => asked.has(s.cand.article.id)),
    );
    if (agenda) return [agenda];
    // "提出了什么要求", "有哪些措施": the framing words weigh less than in when/where questions.
    if (ctx.q.points) {
      // "还安排部署了哪些工作", "部署了什么工作": the sentence listing them with the verb ("还就A、B、C等工作进行
      // 了安排部署", "部署生态环境保护等工作").
      const noun = ctx.q.listed;
      const verb = ctx.q.text.match(POINTS_VERB)?.[0];
      const names = (t: string) =>
        !!noun &&
        POINTS_VERB.test(t) &&
        (listedCount(noun, t) >= 2 ||
          // "部署生态环境保护等工作" (with 等: "提出了明确要求", "提出四点要求" name no topic, the points follow).
          (!!verb && new RegExp(`${verb}[^，,。；;]{2,30}?等${noun}`).test(t)));
      const listing = pickSentence(
        ctx.q,
        relevant,
        ctx.weights,
        (x) => names(x.sentence.text),
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
      // The person the question names sets the points out: another person's points are not theirs.
      const speakers = [...people].filter((n) => ctx.q.text.includes(n));
      const others = speakers.length > 0 ? [...people].filter((n) => !speakers.includes(n)) : [];
      const points = pointClaims(relevant, scored, topic, others);
      if (points.length > 0) return points;
    }
    // "哪些企业": only a sentence that names one (a sentence on the topic naming none does not answer);
    // "在什么会上的讲话": only one that names the meeting ("在金砖国家领导人线上峰会的重要讲话").
    const meeting = ASKS_MEETING.test(ctx.q.text);
    const s = pickSentence(
      ctx.q,
      relevant,
      topic,
      (x) => instanceCount(ctx.q.category, x.sentence.text) !== 0 && (!meeting || NAMES_MEETING.test(x.sentence.text)),
      MIN_CLAUSE_COVERAGE * 0.6,
    );
    if (!s) return [];
    const text = s.sentence.text.length <= 100 ? s.sentence.text : clauseWindow(s, ctx.weights, ctx.q.focus);
    return text ? [claimOf(s, text)] : [];
  },
};

/**
 * Of `cands`, those printing every person the question names (a name some candidate's facts know, "李四"):
 * an article about the same topic that never names the person is not the one asked about. All when none names them.
 */
function namingArticles(ctx: AnswerContext, cands: CandidateArticle[]): CandidateArticle[] {
  const known = new Set(
    ctx.cands.flatMap((c) => c.facts.map(factName)).filter((n): n is string => !!n && n.length >= 2),
  );
  const named = [...known].filter((n) => ctx.q.text.includes(n));
  if (named.length === 0) return cands;
  const naming = cands.filter((c) => named.every((n) => c.article.text.includes(n) || c.article.title.includes(n)));
  return naming.length > 0 ? naming : cands;
}

/** "参加了哪些会议或活动", "出席了哪些活动": what a person took part in, across articles. */
const ACTIVITIES = /(?:参加|出席|参与)(?:了|过)?哪些(?:会议|活动)/;

/** Most articles an activities answer cites. */
const MAX_ACTIVITIES = 4;

/**
 * The role clause of the person the question names in each candidate article that prints them with a role
 * ("市领导…吴永红…等参加会议" in one, "该市领导…吴永红…等一同慰问" in another), most relevant first.
 */
function activityClaims(ctx: AnswerContext): Claim[] {
  const known = new Set(
    ctx.cands.flatMap((c) => c.facts.map(factName)).filter((n): n is string => !!n && n.length >= 2),
  );
  const named = [...known].filter((n) => ctx.q.text.includes(n));
  if (named.length !== 1) return [];
  const claims: Claim[] = [];
  for (const cand of ctx.ranked()) {
    const f = cand.facts.find((x) => x.kind === "role" && x.name === named[0]);
    if (!f) continue;
    claims.push({
      text: roleClause(cand.article, f),
      article: cand.article,
      spans: [{ start: f.quoteStart, end: f.quoteEnd }],
    });
    if (claims.length >= MAX_ACTIVITIES) break;
  }
  return claims;
}

/** "在什么会上", "哪次会议": the question asks for a meeting's name. */
const ASKS_MEETING = /在(?:什么|哪个|哪次|哪一次)(?:会|会议|大会|峰会)/;
/** A sentence naming a meeting where something was said: "在…会/会议/峰会/论坛(上)". */
const NAMES_MEETING = /在[^，,。；;]{2,30}?(?:会议|大会|峰会|论坛|会)(?:上|的|中)/;

/** Most agenda items one answer lists. */
const MAX_AGENDA = 6;

/**
 * "听取了哪些汇报" → "听取研究我区安全稳定工作情况；听取共青团…筹备工作情况汇报；…": in the article asked about,
 * two or more sentences opening with the verb before the question word (听取, 召开, 研究, 审议 …), each
 * an item of the meeting's agenda, in printed order. Undefined when the article prints fewer.
 */
function agendaClaim(ctx: AnswerContext, scored: ScoredSentence[]): Claim | undefined {
  const verb = ctx.q.focus[0];
  const top = ctx.ranked()[0];
  if (!verb || !top || (ctx.relevance.get(top.article.id) ?? 0) === 0 || !/^[\u4e00-\u9fff]{2,4}$/.test(verb)) {
    return undefined;
  }
  // "听取并审议了…的报告;听取并审议了…": items may also be the ；-parts of one sentence.
  const opens = new RegExp(
    `^(?:会议|会上|会议还|还|同时|随后)?(?:[\\u4e00-\\u9fff]{2}(?:并|和|、))?(?:${formsOf(verb).join("|")})`,
  );
  const items: { s: ScoredSentence; start: number; end: number; text: string }[] = [];
  for (const s of scored
    .filter((x) => x.cand.article.id === top.article.id)
    .sort((x, y) => x.sentence.start - y.sentence.start)) {
    let at = s.sentence.start;
    for (const part of s.sentence.text.split(/(?<=[；;])/)) {
      const text = part.replace(/^[\s，,]+/, "");
      const start = at + (part.length - text.length);
      at += part.length;
      if (opens.test(text)) items.push({ s, start, end: start + text.length, text });
    }
  }
  if (items.length < 2) return undefined;
  const shown = items.slice(0, MAX_AGENDA);
  const texts = shown.map((x) =>
    (x.text.length <= 80 || x.text.length < x.s.sentence.text.length
      ? x.text
      : clauseWindow(x.s, ctx.weights, ctx.q.focus)
    ).replace(/[。；;，,\s]+$/, ""),
  );
  return {
    text: texts.join("；"),
    article: top.article,
    spans: shown.map((x) => ({ start: x.start, end: x.end })),
  };
}
