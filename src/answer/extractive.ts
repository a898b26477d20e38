import type { Article } from "../core/types.js";
import { DATE_IN } from "../core/zh/dates.js";
import { districtForms } from "../core/zh/districts.js";
import { VOID_SENTENCE } from "../core/zh/meetings.js";
import { ordinalsIn } from "../core/zh/numbers.js";
import { type Span, splitClauses, splitSentences } from "../facts/text.js";
import type { Fact } from "../facts/types.js";
import { type Claim, quoteSpan } from "./citations.js";
import { numbersIn } from "./guard.js";
import { CATEGORY_INSTANCE, DOCUMENT_NOUNS, type QuestionAnalysis } from "./question.js";
import { coverage } from "./units.js";

/** A candidate article with its facts and its rank among the candidates. */
export interface CandidateArticle {
  article: Article;
  facts: Fact[];
  rank: number;
}

/** One sentence of a candidate article, scored against the question. */
export interface ScoredSentence {
  cand: CandidateArticle;
  sentence: Span;
  /** The article's title, subtitle and districts (`articleMeta`): what tells the article, not the clause. */
  meta: string;
  /** Weighted share of question units found in title, district and sentence. */
  cov: number;
  /** Share found in the sentence alone. */
  sentCov: number;
  score: number;
}

/** Minimum share of the question's content an answer's source must contain. */
export const MIN_COVERAGE = 0.6;

/** Minimum share of what the question asks beyond the article's title that a quantity clause must contain. */
export const MIN_CLAUSE_COVERAGE = 0.5;

const NUMBER_IN =
  /\d|[一二两三四五六七八九十百千万亿半]+(?:[个名位家项次人天年条所种场批辆吨公里米元小时分钟周月届期]|余|多)/;

/** Whether `text` states a quantity other than a date ("5月26日" is not one). */
export function hasQuantity(text: string): boolean {
  // Dates, years ("2024年一季度"), ordinals ("第十届", "七次会议" after a 届) and "每一个" (each, not a count)
  // are no quantities.
  const noDates = text
    .replace(new RegExp(DATE_IN.source, "g"), "")
    .replace(
      /每一?[个名位家项次人天条所批件户]|第[0-9一二三四五六七八九十百]+[届次期批]|(?<=[届])[0-9一二三四五六七八九十百]+次|[0-9一二三四五六七八九十百]+届|(?:19|20)\d{2}年度?/g,
      "",
    );
  return NUMBER_IN.test(noDates) && numbersIn(noDates).length > 0;
}

/** Index of the paragraph (in `text.split("\n")`) that offset `at` falls in. */
function paragraphIndex(text: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * What an article says about itself besides its text: title, subtitle and its districts in every form
 * ("管城回族区 管城区 管城"). An article that names no district of its own stands for the counties the
 * question names (`places`): the paper of a county says "我县", and the store has no other county for it.
 */
export function articleMeta(article: Article, places: readonly string[] = []): string {
  const districts = article.districts.length > 0 ? article.districts : article.district ? [article.district] : [];
  const forms = districts.length > 0 ? districts.flatMap(districtForms) : places;
  return `${article.title} ${article.subtitle ?? ""} ${forms.join(" ")}`;
}

/** Scores every sentence of the candidates against the question. */
export function scoreSentences(
  cands: CandidateArticle[],
  weights: Map<string, number>,
  places: readonly string[] = [],
): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  for (const cand of cands) {
    const meta = articleMeta(cand.article, places);
    const repeated = new Set(cand.article.repeatedParagraphs);
    for (const sentence of splitSentences(cand.article.text)) {
      // A paragraph the page repeats from an earlier article is cited from that article, not this one.
      if (repeated.size > 0 && repeated.has(paragraphIndex(cand.article.text, sentence.start))) continue;
      const cov = coverage(weights, meta, sentence.text);
      const sentCov = coverage(weights, sentence.text);
      out.push({ cand, sentence, meta, cov, sentCov, score: cov + 0.5 * sentCov - 0.02 * cand.rank });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The weights without the years and ordinals the question names ("2021年", "第125次", "第四季度"): every
 * candidate article prints them (or fits the year), so a sentence need not repeat them. All when none is left.
 */
export function withoutChecked(weights: Map<string, number>, ordinals: readonly string[] = []): Map<string, number> {
  const rest = new Map(
    [...weights].filter(
      ([u]) =>
        !/^(?:19|20)\d{2}年?$/.test(u) &&
        ordinalsIn(u).length === 0 &&
        // "第125次" cut as 125: the number of an ordinal asked.
        !(/^\d+$/.test(u) && ordinals.some((o) => new RegExp(`^${u}\\D`).test(o))),
    ),
  );
  return rest.size > 0 ? rest : weights;
}

/** The weights without the units the title already has (they tell the article, not the clause); all when none is left. */
export function withoutTitleUnits(weights: Map<string, number>, title: string): Map<string, number> {
  const rest = new Map([...weights].filter(([u, w]) => coverage(new Map([[u, w]]), title) < 0.5));
  return rest.size > 0 ? rest : weights;
}

export function clauseText(c: Span): string {
  return c.text.replace(/^[，,；;。、\s]+|[，,；;。、\s]+$/g, "");
}

/** Joins consecutive clauses of one sentence as printed (with their separators). */
export function joinClauses(article: Article, clauses: Span[]): string {
  const first = clauses[0];
  const last = clauses[clauses.length - 1];
  if (!first || !last) return "";
  return article.text.slice(first.start, last.end).replace(/[，,；;。\s]+$/, "");
}

/** The clause of `s` best matching the question among those passing `ok`, with a short lead clause kept. */
export function bestClause(
  s: ScoredSentence,
  weights: Map<string, number>,
  ok: (c: Span) => boolean,
  leadMax = 8,
  focus: string[] = [],
): string | undefined {
  const clauses = splitClauses(s.sentence);
  const local = withoutTitleUnits(weights, s.meta);
  let best = -1;
  let bestCov = -1;
  clauses.forEach((c, i) => {
    if (!ok(c)) return;
    const cv = coverage(local, c.text) + 0.01 * coverage(weights, c.text) + focusShare(focus, c.text);
    if (cv > bestCov) {
      bestCov = cv;
      best = i;
    }
  });
  if (best < 0) return undefined;
  let from = best;
  let to = best;
  // "2019年,孟州市预计…" / "11月11日,解放区召开…": keep a short lead (time, place) with its clause.
  const prev = clauses[best - 1];
  if (prev && clauseText(prev).length <= leadMax && (DATE_IN.test(prev.text) || /^\d{4}年$/.test(clauseText(prev))))
    from = best - 1;
  const cur = clauses[best];
  const next = clauses[best + 1];
  if (cur && next && clauseText(cur).length <= leadMax) to = best + 1;
  return joinClauses(s.cand.article, clauses.slice(from, to + 1));
}

/**
 * Share of the question's ask words (the words framing its question word: "依托哪些优势" → 依托, 优势)
 * that a clause carries: of two clauses matching the topic, the one that answers the ask wins over
 * the one that restates the question.
 */
export function focusShare(focus: string[], text: string): number {
  if (focus.length === 0) return 0;
  return (0.5 * focus.filter((f) => text.includes(f)).length) / focus.length;
}

/** Verbs whose object is another event ("传达学习1月6日…会议精神", "学习贯彻…"): a date after them dates that event. */
const RELAYED_BEFORE = /(?:传达|学习|贯彻|落实|观看|收听|收看)[^，,]{0,4}$/;

/** "自2月19日起,卫东区广泛开展…": the date as printed and the clause it dates. */
export function dateClause(s: ScoredSentence, weights: Map<string, number>): string {
  const clauses = splitClauses(s.sentence);
  let best = clauses.findIndex((c) => DATE_IN.test(c.text));
  let bestCov = -1;
  clauses.forEach((c, i) => {
    const d = c.text.match(DATE_IN);
    if (!d) return;
    // "传达学习1月6日…会议精神": the date of what is relayed, not of the event; any other date wins.
    const relayed = RELAYED_BEFORE.test(c.text.slice(0, d.index ?? 0));
    const cv = coverage(weights, c.text, clauses[i + 1]?.text ?? "") - (relayed ? 1 : 0);
    if (cv > bestCov) {
      bestCov = cv;
      best = i;
    }
  });
  const c = clauses[best];
  if (!c) return s.sentence.text;
  const m = c.text.match(new RegExp(`(?:自|于|从)?(?:${DATE_IN.source})`));
  // "国家主席习近平17日在北京出席…": a short plain subject before the date stays; quotes before it do not.
  const prefix = c.text.slice(0, m?.index ?? 0);
  const from = prefix.length <= 16 && !/[“”"…]/.test(prefix) ? c.start : c.start + (m?.index ?? 0);
  const datePart = s.cand.article.text.slice(from, c.end);
  if (datePart.length > 12) return datePart;
  // A bare date ("5月28日"): add the clause it dates, the one of the next few that best matches.
  const local = withoutTitleUnits(weights, "");
  let pickI = best + 1;
  let pickCov = -1;
  for (let i = best + 1; i < Math.min(clauses.length, best + 6); i++) {
    const cv = coverage(local, clauses[i]?.text ?? "");
    if (cv > pickCov) {
      pickCov = cv;
      pickI = i;
    }
  }
  const next = clauses[pickI];
  if (!next) return datePart;
  if (next.end - from <= 80) return s.cand.article.text.slice(from, next.end);
  return `${datePart.replace(/[，,\s]+$/, "")}，${next.text}`;
}

/**
 * A readable piece of a long sentence: the best-matching clause, with the
 * clause before it when it starts mid-statement (是…, 并…) and the clauses
 * after it until about 60 characters ("就做好一季度经济工作,会议强调,一要…").
 */
export function clauseWindow(s: ScoredSentence, weights: Map<string, number>, focus: string[] = []): string {
  const clauses = splitClauses(s.sentence);
  const local = withoutTitleUnits(weights, s.meta);
  let best = 0;
  let bestCov = -1;
  clauses.forEach((c, i) => {
    const cv = coverage(local, c.text) + 0.01 * coverage(weights, c.text) + focusShare(focus, c.text);
    if (cv > bestCov) {
      bestCov = cv;
      best = i;
    }
  });
  let from = best;
  let to = best;
  if (from > 0 && /^(?:是|并|也|还|又|且|均|都|同时|充分|进一步|为|以)/.test(clauses[from]?.text ?? "")) from--;
  const len = () => (clauses[to]?.end ?? 0) - (clauses[from]?.start ?? 0);
  while (to + 1 < clauses.length && len() < 60 && (clauses[to + 1]?.end ?? 0) - (clauses[from]?.start ?? 0) <= 150)
    to++;
  return joinClauses(s.cand.article, clauses.slice(from, to + 1));
}

export function claimOf(s: ScoredSentence, text: string): Claim {
  const article = s.cand.article;
  // Quote the clauses the claim comes from when it is printed as is, else the sentence.
  const at = article.text.indexOf(text.split(/[，,]/)[0] ?? text, s.sentence.start);
  const span =
    at >= 0 && at < s.sentence.end
      ? quoteSpan(
          article.text,
          at,
          lastIndexIn(article.text, text, at, s.sentence.end),
          s.sentence.start,
          s.sentence.end,
        )
      : { start: s.sentence.start, end: s.sentence.end };
  return { text, article, spans: [span] };
}

/** Where the claim's last clause ends in the article (`from` + its length when not found). */
function lastIndexIn(articleText: string, claim: string, from: number, limit: number): number {
  const parts = claim.split(/[，,]/);
  const last = parts[parts.length - 1] ?? claim;
  const at = articleText.indexOf(last, from);
  return at >= 0 && at < limit ? at + last.length : Math.min(limit, from + claim.length);
}

/**
 * The sentences that can answer: they hold ≥ MIN_COVERAGE of the question (with their article's title),
 * print some of it themselves (or pass `bare`: a sentence the kind needs for what it prints, not for the
 * question's words), and fit its years.
 */
export function relevantSentences(
  a: QuestionAnalysis,
  scored: ScoredSentence[],
  bare: (s: ScoredSentence) => boolean = () => false,
): ScoredSentence[] {
  // A question about a year ("2020年…") is not answered by a sentence printing only other years (2019年).
  // "会议还研究了其他事项。" names nothing: never an answer.
  return scored.filter(
    (s) =>
      s.cov >= MIN_COVERAGE &&
      (s.sentCov > 0 || bare(s)) &&
      yearFits(a.years, s) &&
      !VOID_SENTENCE.test(s.sentence.text),
  );
}

/**
 * The sentence passing `ok`, among the best relevant ones, that best covers what the question asks
 * beyond its article's title (a date, place or person of something else is no answer).
 */
export function pickSentence(
  a: QuestionAnalysis,
  relevant: ScoredSentence[],
  weights: Map<string, number>,
  ok: (s: ScoredSentence) => boolean,
  min = MIN_CLAUSE_COVERAGE,
): ScoredSentence | undefined {
  let best: { s: ScoredSentence; cov: number } | undefined;
  for (const s of relevant.slice(0, 12)) {
    if (!ok(s)) continue;
    // Nothing asked beyond what title and district say ("文成县第36次县长办公会是哪天开的"): the article covers it.
    const local = withoutTitleUnits(weights, s.meta);
    const cov =
      (local === weights ? coverage(weights, s.meta, s.sentence.text) : coverage(local, s.sentence.text)) +
      0.05 * s.score +
      (a.category ? instanceBonus(a.category, s.sentence.text) : listBonus(a.listed, s.sentence.text));
    if (!best || cov > best.cov) best = { s, cov };
  }
  return best && best.cov >= min ? best.s : undefined;
}

/**
 * "哪几所学校", "哪些单位": a sentence naming several instances of the category asked for (建设路小学、
 * 建设路第二小学) is preferred (0.2 for two or more, 0.1 for one). It never makes an answer of a sentence
 * on another topic: the bonus alone stays below the threshold.
 */
export function instanceBonus(category: string | undefined, text: string): number {
  const n = instanceCount(category, text);
  return n >= 2 ? 0.2 : n === 1 ? 0.1 : 0;
}

/**
 * "签约了哪些项目", "审议通过了哪些文件", "涵盖哪些领域": a sentence listing two or more of what is asked
 * (…项目、…项目; 《…》《…》 for documents; "新能源、装备制造等领域") is preferred (0.2), as for a category.
 */
export function listBonus(noun: string | undefined, text: string): number {
  return noun && listedCount(noun, text) >= 2 ? 0.2 : 0;
}

/** How many items a text lists of `noun`: items ending in it, 《titles》 of a document noun, or "A、B等noun". */
export function listedCount(noun: string, text: string): number {
  const esc = noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ending = text.match(new RegExp(`[^、，,。；;：:]${esc}(?=[、，,。；;及和与等]|$)`, "g"))?.length ?? 0;
  const titles = DOCUMENT_NOUNS.test(noun) ? (text.match(/《[^》]+》/g)?.length ?? 0) : 0;
  const before = text.match(new RegExp(`((?:[^、，,。；;：:]{1,16}、)+)[^、，,。；;：:]{1,16}?等?${esc}`));
  const items = before?.[1] ? before[1].split("、").length : 0;
  return Math.max(ending, titles, items);
}

/** How many instances of `category` a text names in a list; -1 when the category has no known form. */
export function instanceCount(category: string | undefined, text: string): number {
  const re = category ? CATEGORY_INSTANCE[category] : undefined;
  return re ? (text.match(re)?.length ?? 0) : -1;
}

/** Whether a sentence can answer a question about `years`: it prints one of them, or no year at all. */
export function yearFits(years: string[], s: ScoredSentence): boolean {
  if (years.length === 0) return true;
  const printed = [...s.sentence.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]);
  if (printed.length > 0) return printed.some((y) => y && years.includes(y));
  // No year printed: the article's own date must not contradict.
  const dated = s.cand.article.date?.slice(0, 4);
  return !dated || years.includes(dated);
}

/**
 * A sentence that sets out a point: numbered ("一要…", "二是…", "第三，…", "首先…", "（一）…") or stated
 * by the meeting or a leader ("会议强调，…", "就开展…工作，李建超强调，…").
 */
const POINT_SENTENCE =
  /^(?:[一二三四五六七八九十]+(?:要|是|、|方面)|第[一二三四五六七八九十]+[，,、是]|首先|其次|再次|最后|[（(][一二三四五六七八九十\d]+[)）])|^(?:就[^，,。]{2,40}[，,])?(?:会议|[\u4e00-\u9fff]{2,4})(?:强调|要求|指出|提出)[，,:：]/;
const NUMBERED =
  /^(?:[一二三四五六七八九十]+(?:要|是|、|方面)|第[一二三四五六七八九十]+[，,、是]|其次|再次|最后|[（(][一二三四五六七八九十\d]+[)）])/;
const MAX_POINTS = 6;

/** The number a point prints ("三要…" → 3, "第二，…" → 2); 0 when it prints none. Only the numbers a list uses (1–10). */
function pointNumber(text: string): number {
  const m = text.match(/(?:^|[，,])(?:第)?([一二三四五六七八九十])(?:要|是|、|[，,])/);
  return m?.[1] ? "一二三四五六七八九十".indexOf(m[1]) + 1 : 0;
}

/**
 * "提出了哪些要求", "对哪些工作作了部署": the points set out in the article the question is about, in
 * printed order, each cut to its lead ("三要创建合力再凝聚", "就开展“四城联创”工作，李建超强调，思想认识
 * 要再提高"). When the question asks about a topic beyond the article's title ("在安全生产方面"), only
 * points on that topic; none when no point covers it (the caller then looks for a sentence).
 */
export function pointClaims(
  relevant: ScoredSentence[],
  scored: ScoredSentence[],
  weights: Map<string, number>,
  otherSpeakers: readonly string[] = [],
): Claim[] {
  const top = relevant[0];
  if (!top) return [];
  const article = top.cand.article;
  const local = withoutTitleUnits(weights, top.meta);
  const topical = local !== weights;
  // Every sentence of that article: a numbered heading ("四要社会氛围再营造。") need not repeat the question's words.
  // A numbered point right after one on the topic belongs to the same list ("就做好…，会议强调，一要…。二要…").
  // A number at or below the last one ("三要…", then "二要…") starts another list: the page's next article, not this one.
  let listed = false;
  let lastNo = 0;
  const points: ScoredSentence[] = [];
  for (const s of scored
    .filter(
      (x) =>
        x.cand.article.id === article.id &&
        POINT_SENTENCE.test(x.sentence.text) &&
        // "王五提出了哪些要求": a point another person states ("赵六指出，…") is not one of them.
        !otherSpeakers.some((n) => x.sentence.text.startsWith(n)),
    )
    .sort((x, y) => x.sentence.start - y.sentence.start)) {
    const no = pointNumber(s.sentence.text);
    if (no > 0 && no <= lastNo) break;
    if (no > 0) lastNo = no;
    const onTopic = !topical || coverage(local, s.sentence.text) >= MIN_CLAUSE_COVERAGE;
    listed = onTopic || (listed && NUMBERED.test(s.sentence.text));
    if (listed) points.push(s);
    if (points.length >= MAX_POINTS) break;
  }
  if (points.length === 0) return [];
  const drafts = points.map((s) => {
    const clauses = splitClauses(s.sentence);
    // Up to the first clause after the stating verb ("李建超强调，思想认识要再提高"), at least ~16 characters;
    // when that clause states no requirement (…开展以来), the topic and the stating verb only.
    const verbAt = clauses.findIndex((c) => /(?:强调|要求|指出|提出)$/.test(c.text));
    let to = verbAt < 0 ? 0 : verbAt + 1;
    if (verbAt > 0 && !/要|必须|务必|确保|坚持|加强|强化|推进/.test(clauses[to]?.text ?? "")) to = verbAt;
    else while (to + 1 < clauses.length && (clauses[to]?.end ?? 0) - (clauses[0]?.start ?? 0) < 16) to++;
    to = Math.min(to, clauses.length - 1);
    // "…会议强调，一要…，确保…；二要…，夯实…；三要…": a list inside one sentence shows each numbered clause.
    const inline = clauses.map((c, i) => ({ c, i })).filter(({ c, i }) => i >= to && NUMBERED.test(c.text));
    const firstInline = inline[0];
    if (inline.length >= 2 && firstInline && firstInline.i === to) {
      const last = inline[inline.length - 1]?.c ?? firstInline.c;
      return {
        text: [joinClauses(article, clauses.slice(0, to + 1)), ...inline.slice(1).map(({ c }) => clauseText(c))].join(
          "；",
        ),
        span: { start: s.sentence.start, end: last.end },
      };
    }
    // A point picked for the topic asked about ("对教育提出了哪些要求") shows the clause that names it,
    // when that is near its start; a point whose lead never gets to the topic is left out.
    if (topical && coverage(local, s.sentence.text) >= MIN_CLAUSE_COVERAGE) {
      while (
        to + 1 < clauses.length &&
        coverage(local, joinClauses(article, clauses.slice(0, to + 1))) < MIN_CLAUSE_COVERAGE
      )
        to++;
      if ((clauses[to]?.end ?? 0) - s.sentence.start > 100) return undefined;
    }
    const used = clauses.slice(0, to + 1);
    return {
      text: joinClauses(article, used),
      span: { start: s.sentence.start, end: used[used.length - 1]?.end ?? s.sentence.end },
    };
  });
  const parts = drafts.filter((p): p is NonNullable<typeof p> => p !== undefined);
  if (parts.length === 0) return [];
  // A single point is the whole answer: its clauses up to about 80 characters, as printed.
  const only = parts.length === 1 ? parts[0] : undefined;
  const sentence = only && points.find((x) => x.sentence.start === only.span.start)?.sentence;
  if (only && sentence && !only.text.includes("；")) {
    const clauses = splitClauses(sentence);
    let to = clauses.findIndex((c) => c.end >= only.span.end);
    while (to + 1 < clauses.length && (clauses[to + 1]?.end ?? 0) - sentence.start <= 80) to++;
    const used = clauses.slice(0, Math.max(0, to) + 1);
    const end = used[used.length - 1]?.end ?? only.span.end;
    if (end > only.span.end) {
      only.text = joinClauses(article, used);
      only.span = { start: sentence.start, end };
    }
  }
  return [
    {
      text: parts.map((p) => p.text.replace(/[。；;，,\s]+$/, "")).join("；"),
      article,
      spans: parts.map((p) => quoteSpan(article.text, p.span.start, p.span.end, p.span.start, p.span.end)),
    },
  ];
}

/** The printed clause of a role fact: its subject and verb up to the end of that clause. */
export function roleClause(article: Article, f: Fact): string {
  const rest = article.text.slice(f.end, f.quoteEnd);
  const stop = rest.search(/[，,；;。]/);
  const end = stop < 0 ? f.quoteEnd : f.end + stop;
  let text = article.text.slice(f.start, end);
  // "葛海水强调": what was said is the next clause.
  if (/(?:强调|指出|表示|要求|说)$/.test(text)) {
    const more = article.text.slice(end + 1, f.quoteEnd);
    const stop2 = more.search(/[，,；;。]/);
    text = `${text}，${stop2 < 0 ? more : more.slice(0, stop2)}`;
  }
  return text.replace(/^在/, "");
}

/**
 * Role answers (who attended / presided / came along / spoke / was elected,
 * who did X): the role facts of the most relevant article, each printed
 * clause once, in text order. Attendee lists come out whole, every person
 * with the post printed before them.
 */
export function roleClaims(a: QuestionAnalysis, cands: CandidateArticle[], relevance: Map<string, number>): Claim[] {
  const wantUnits = /哪[些几个]*(?:单位|部门|乡镇|镇街|企业|商会)/.test(a.text);
  const wantPeople = /领导|哪些人|哪几位|哪位|谁/.test(a.text) && !wantUnits;
  const matches = (f: Fact, article: Article) => {
    if (f.kind !== "role" || !f.role) return false;
    if (wantPeople && !f.name) return false;
    if (wantUnits && f.name) return false;
    if (a.kind === "who_did") {
      const verb = a.verb;
      return (
        !!verb && (f.role.includes(verb) || (f.role === "一同" && article.text.slice(f.start, f.end).includes(verb)))
      );
    }
    return a.roles.includes(f.role);
  };
  const ordered = [...cands].sort((x, y) => (relevance.get(y.article.id) ?? 0) - (relevance.get(x.article.id) ?? 0));
  const top = relevance.get(ordered[0]?.article.id ?? "") ?? 0;
  for (const cand of ordered) {
    // Only the article(s) the question is about: never a less relevant one that happens to have the role.
    const rel = relevance.get(cand.article.id) ?? 0;
    if (rel < MIN_COVERAGE || rel < top * 0.9) break;
    const facts = cand.facts.filter((f) => matches(f, cand.article));
    if (facts.length === 0) continue;
    const claims: Claim[] = [];
    const seen = new Set<string>();
    for (const f of facts.sort((x, y) => x.start - y.start)) {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      claims.push({
        text: roleClause(cand.article, f),
        article: cand.article,
        spans: [{ start: f.quoteStart, end: f.quoteEnd }],
      });
    }
    // One statement: the clauses joined with ；.
    const first = claims[0];
    if (!first) continue;
    return [
      { text: claims.map((c) => c.text).join("；"), article: first.article, spans: claims.flatMap((c) => c.spans) },
    ];
  }
  return [];
}
