import { citationOf } from "../answer/citations.js";
import { unsupported } from "../answer/guard.js";
import { cutWords } from "../answer/units.js";
import { normalizeQuery } from "../core/normalize.js";
import type { Article, Citation } from "../core/types.js";
import { parseNumber } from "../core/zh/numbers.js";
import { addDays } from "../digest/dates.js";
import { splitSentences } from "../facts/text.js";
import { meetingOf } from "./complete.js";
import { findDistrict } from "./places.js";
import type { BrowseState } from "./sessions.js";
import { byDateDesc, dayLabel } from "./timeline.js";

/** Articles per page of a browse list. */
export const PAGE_SIZE = 5;

/** Asks for a list of news: "有什么新闻", "有哪些报道", "新闻有哪些", "有关X的报道". */
const NEWS_ASK =
  /(?:有|有没有|发生了|出了)(?:什么|哪些|啥|些什么)(?:新|重要)?(?:新闻|报道|消息|动态|事)|(?:新闻|报道|消息)(?:有哪些|有什么|都有啥)|(?:有关|关于|涉及)(.+?)的(?:新闻|报道|消息|文章)/;
/** Asks for the meetings held: "开了哪些会", "召开了什么会议". */
const MEETINGS_ASK = /(?:开了|召开了|举行了|开过|召开过|举办了)(?:哪些|什么|几次|几个|哪几个?)(?:会议?|大会)/;
/** A topic after 有关/关于 that is only a place or time is no topic. */
const NOT_TOPIC = /^(?:本地|当地|最近|近期|今天|本周|这周|本月)$/;

/** Words of a date range, left out of what a browse question asks about. */
const RANGE_WORDS =
  /(?:19|20)\d{2}年|[0-9一二三四五六七八九十]{1,3}月份?|今天|今日|昨天|昨日|本周|这周|这一周|上周|上个星期|上星期|这个星期|本星期|本月|这个月|最近|近期|近来|近日/g;
/** Words that carry nothing a browse list could filter by. */
const BROWSE_FILLER = /请问|我想知道|一共|总共|本地|当地|[在都共还又了的吗呢啊？?，,。！!]/g;

/**
 * What a browse question says besides its ask, its district (with 委/政府) and its range: "" for
 * "最近陕州有什么新闻", "常委会第125次会议期间" for "魏都区委常委会第125次会议期间还召开了哪些会议" — a
 * question about one meeting, not a list.
 */
function leftover(q: string, ask: string, printed: string | undefined): string {
  let rest = q.replace(ask, "");
  if (printed) rest = rest.replace(new RegExp(`${printed}(?:区|县|市)?(?:委|政府)?`), "");
  return rest.replace(RANGE_WORDS, "").replace(BROWSE_FILLER, "");
}

/** The range words of a browse question, and what they mean relative to today. */
function rangeOf(q: string, today: string, monthYears: (m: number) => number[]): BrowseState {
  if (/今天|今日/.test(q)) return { dateFrom: today, dateTo: today, label: "今天" };
  if (/昨天|昨日/.test(q)) {
    const d = addDays(today, -1);
    return { dateFrom: d, dateTo: d, label: "昨天" };
  }
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  if (/本周|这周|这一周|这个星期|本星期/.test(q))
    return { dateFrom: addDays(today, -weekday), dateTo: today, label: "本周" };
  if (/上周|上个星期|上星期/.test(q))
    return { dateFrom: addDays(today, -weekday - 7), dateTo: addDays(today, -weekday - 1), label: "上周" };
  if (/本月|这个月/.test(q)) return { dateFrom: `${today.slice(0, 8)}01`, dateTo: today, label: "本月" };
  const ym = /((?:19|20)\d{2})年([0-9一二三四五六七八九十]{1,3})月/.exec(q);
  const m = ym ?? /([0-9一二三四五六七八九十]{1,3})月份?(?![0-9一二三四五六七八九十]*[日号])/.exec(q);
  if (m) {
    const month = parseNumber(ym ? (m[2] ?? "") : (m[1] ?? ""));
    if (month && month >= 1 && month <= 12) {
      const mm = String(month).padStart(2, "0");
      if (ym) {
        const y = ym[1];
        return { dateFrom: `${y}-${mm}-01`, dateTo: `${y}-${mm}-31`, label: `${y}年${month}月` };
      }
      // No year: the latest year with news in that month (else this year); undated "3月27日" articles count too.
      const y = monthYears(month)[0] ?? Number(today.slice(0, 4));
      return { dateFrom: `${y}-${mm}-01`, dateTo: `${y}-${mm}-31`, month, label: `${month}月` };
    }
  }
  return {};
}

/**
 * Reads a browse question: a list of the news of a district, a date range
 * and/or a topic ("最近陕州有什么新闻", "本周解放区有哪些报道", "有关疫情防控的
 * 报道有哪些？", "孟州市3月份开了哪些会？"). Returns undefined when the
 * question asks something else. `today` is YYYY-MM-DD; `daysOf(district)`
 * lists the dated days with news (of the district asked about), to give
 * "3月份" its year.
 */
export function parseBrowse(
  question: string,
  districts: readonly string[],
  today: string,
  daysOf: (district?: string) => readonly string[] = () => [],
): BrowseState | undefined {
  const q = normalizeQuery(question).replace(/\s+/g, "");
  const news = NEWS_ASK.exec(q);
  const meetingsAsk = MEETINGS_ASK.exec(q);
  const meetings = !!meetingsAsk;
  if (!news && !meetingsAsk) return undefined;
  const place = findDistrict(q, districts);
  // Anything else the question says is its topic (news), or makes it a question about one meeting.
  const rest = leftover(q, (news ?? meetingsAsk)?.[0] ?? "", place?.printed);
  if (!news && rest.length >= 2) return undefined;
  const days = daysOf(place?.district);
  const monthYears = (m: number) =>
    [...new Set(days.filter((d) => Number(d.slice(5, 7)) === m).map((d) => Number(d.slice(0, 4))))].sort(
      (a, b) => b - a,
    );
  const state: BrowseState = { ...rangeOf(q, today, monthYears) };
  if (place) state.district = place.district;
  if (meetings) state.meetings = true;
  let topic = news?.[1]?.replace(/^(?:本地|当地|最近|近期)/, "");
  if (topic && place) topic = topic.replace(place.printed, "").replace(/^(?:区|县|市)/, "");
  if (topic && !NOT_TOPIC.test(topic) && topic.length >= 2) state.topic = topic;
  else if (news && !news[1] && rest.length >= 2) state.topic = rest;
  return state;
}

/**
 * Reads the words of `/search <词>`: a district and a range in them filter
 * ("孟州 3月"), the rest is the topic ("疫情防控"). Undefined when nothing is
 * left to search for.
 */
export function parseSearch(
  words: string,
  districts: readonly string[],
  today: string,
  daysOf: (district?: string) => readonly string[] = () => [],
): BrowseState | undefined {
  const w = normalizeQuery(words).replace(/\s+/g, " ").trim();
  if (!w) return undefined;
  const state = parseBrowse(`${w.replace(/\s+/g, "")}有什么新闻`, districts, today, daysOf) ?? {};
  const place = findDistrict(w, districts);
  const topic = w
    .replace(place?.printed ?? "\u0000", " ")
    .replace(RANGE_WORDS, " ")
    .replace(/^(?:区|县|市)(?=\s|$)/, "")
    .replace(/\s+/g, "");
  if (topic.length >= 1) state.topic = topic;
  else delete state.topic;
  return state.topic || state.district || state.dateFrom ? state : undefined;
}

/** One line of a browse list. */
export interface BrowseItem {
  article: Article;
  /** The sentence that names the topic (topic lists), else the article's first sentence. */
  quote: string;
}

/** One page of a browse list. */
export interface BrowsePage {
  query: BrowseState;
  /** 0-based. */
  page: number;
  pages: number;
  total: number;
  items: BrowseItem[];
}

/** What browsing reads: the stored articles and, for topics, the hybrid search. */
export interface BrowseDeps {
  list(filter?: { district?: string }): Article[];
  get(id: string): Article | undefined;
  search?(query: string, opts?: { k?: number; district?: string }): Promise<{ metadata: { articleId?: string } }[]>;
}

/** Whether `article` is a report of a meeting (its title names one). */
function isMeeting(article: Article): boolean {
  return meetingOf(article.title) !== undefined || /会议|大会|座谈会|推进会|部署会/.test(article.title);
}

/** Whether `article` falls in the range: by its date, or (a month without a year) by its printed day. */
function inRange(article: Article, q: BrowseState): boolean {
  if (!q.dateFrom && !q.dateTo) return true;
  if (article.date) return (!q.dateFrom || article.date >= q.dateFrom) && (!q.dateTo || article.date <= q.dateTo);
  if (q.month) return Number(/^(\d{1,2})月/.exec(article.dateText ?? "")?.[1]) === q.month;
  return false;
}

/** The words of a topic that an article must print (all of them): "疫情防控" → 疫情, 防控. */
function topicWords(topic: string): string[] {
  const words = cutWords(topic).filter((w) => /[\u4e00-\u9fffA-Za-z0-9]/.test(w) && w !== "的");
  return words.length > 0 ? words : [topic];
}

/** The sentence of `article` naming every topic word, the title counting as one; undefined when none does. */
function topicSentence(article: Article, words: string[]): string | undefined {
  const sentences = [article.title, ...splitSentences(article.text).map((s) => s.text)];
  const whole = words.join("");
  return sentences.find((s) => s.includes(whole)) ?? sentences.find((s) => words.every((w) => s.includes(w)));
}

/**
 * One page of the articles matching a browse query, newest first (undated
 * ones after the dated, reachable by district and topic, and by a month
 * asked without a year through their printed day). A topic is searched with
 * the hybrid retriever, and an article is listed only when one of its
 * sentences (or its title) prints the topic: that sentence is its quote.
 */
export async function browse(deps: BrowseDeps, query: BrowseState, page = 0): Promise<BrowsePage> {
  let pool: Article[];
  if (query.topic && deps.search) {
    const docs = await deps.search(query.topic, { k: 80, district: query.district });
    const ids = [...new Set(docs.map((d) => d.metadata.articleId).filter((x): x is string => !!x))];
    pool = ids.map((id) => deps.get(id)).filter((a): a is Article => !!a);
  } else {
    pool = deps.list(query.district ? { district: query.district } : {});
  }
  const words = query.topic ? topicWords(query.topic) : [];
  const items: BrowseItem[] = [];
  for (const article of pool) {
    if (query.district && article.district !== query.district && !article.districts.includes(query.district)) continue;
    if (!inRange(article, query)) continue;
    if (query.meetings && !isMeeting(article)) continue;
    let quote: string | undefined;
    if (query.topic) {
      quote = topicSentence(article, words);
      // The guard: a topic line states that the article is about the topic, so its quote must print it.
      if (!quote || unsupported(query.topic, [quote]).length > 0) continue;
    } else {
      quote = splitSentences(article.text)[0]?.text ?? article.title;
    }
    items.push({ article, quote });
  }
  items.sort((x, y) => byDateDesc(x.article, y.article));
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { query, page: p, pages, total: items.length, items: items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE) };
}

/** "孟州市 · 3月 · 会议 · 有关“疫情防控”": the heading of a browse list. */
export function browseHeading(q: BrowseState): string {
  const parts = [q.label, q.district, q.topic ? `有关“${q.topic}”` : undefined].filter(Boolean);
  const what = q.meetings ? "会议报道" : "新闻";
  return `${parts.join(" · ")}${parts.length ? "的" : ""}${what}`;
}

/** The reply text and citations of a browse page: one cited line per article. */
export function renderBrowse(p: BrowsePage): { answer: string; citations: Citation[] } {
  const head = `${browseHeading(p.query)}：共 ${p.total} 篇（新近的在前）${p.pages > 1 ? `，第 ${p.page + 1}/${p.pages} 页` : ""}`;
  // Numbered across pages: line 6 cites [6], so a line and its "原文" button keep one number.
  const first = p.page * PAGE_SIZE + 1;
  const citations: Citation[] = p.items.map((it, i) => citationOf(it.article, first + i, it.quote));
  const lines = p.items.map((it, i) => {
    const meta = [dayLabel(it.article), it.article.district].filter(Boolean).join(" · ");
    return `${first + i}. 《${it.article.title}》 ${meta}[${first + i}]`;
  });
  const more = p.page + 1 < p.pages ? ["（发送“下一页”查看更多）"] : [];
  return { answer: [head, ...lines, ...more].join("\n"), citations };
}
