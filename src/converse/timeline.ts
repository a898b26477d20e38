import { citationDate, citationOf, quoteSpan } from "../answer/citations.js";
import { unsupported } from "../answer/guard.js";
import { normalizeQuery } from "../core/normalize.js";
import type { Article, Citation } from "../core/types.js";
import { surnameAt } from "../core/zh/surnames.js";
import { splitSentences } from "../facts/text.js";
import type { PersonMentions } from "./mentions.js";

/** Words between a name and what is asked about it ("最近", "都", "还"). */
const ADVERBS = "(?:同志)?(?:最近|近期|近来|这段时间|都|还|又|一共|先后|曾经|曾|分别)*";

/**
 * The ways a person's timeline is asked: their activities or meetings
 * ("X参加了哪些活动/会议"), what they are busy with ("X最近在忙什么"), where
 * they went ("X去过哪些地方"), their news ("X的动态").
 */
const TIMELINE_ASKS: RegExp[] = [
  new RegExp(
    `^([\\u4e00-\\u9fff]{2,4}?)${ADVERBS}(?:参加|出席|参与|主持|开)(?:了|过)?(?:哪些|什么|几次|多少|哪几个?)(?:活动|会议|会|工作)`,
  ),
  new RegExp(`^([\\u4e00-\\u9fff]{2,4}?)${ADVERBS}(?:在)?忙(?:些|了)?(?:什么|啥|哪些)`),
  new RegExp(
    `^([\\u4e00-\\u9fff]{2,4}?)${ADVERBS}(?:去过|到过|去了|到了|走访了?|调研了?|视察了?)(?:哪些|哪里|哪儿|什么)(?:地方|单位|地点)?`,
  ),
  new RegExp(`^([\\u4e00-\\u9fff]{2,4}?)${ADVERBS}(?:有)?(?:哪些|什么)(?:活动|行程|动态)`),
  /^([\u4e00-\u9fff]{2,4}?)的(?:活动|行程|动态|时间线)(?:有哪些|是什么)?[？?]*$/,
];

/** The ask of "X去过哪些地方": the places the person went to. */
const PLACES_ASK = /(?:去过|到过|去了|到了|走访|调研|视察)(?:了)?(?:哪些|哪里|哪儿|什么)(?:地方|单位|地点)?/;

/** How news says someone went somewhere, most specific first: "先后到…", "到…调研", "深入…", "走进…". */
const WENT_TO = [/先后到|分别到|先后来到/, /来到|前往|走进|走访|到[^，,。]{2,}(?:调研|督导|检查|察看|慰问)/, /深入|赴/];

/**
 * "X会见了哪些…", "X督导了哪些…": a person and an action asked about across articles. The two
 * characters before 了/过 are the verb ("李克强会见了哪些国家的总理" → 李克强, 会见).
 */
const ACTION_ASK = new RegExp(
  `^([\\u4e00-\\u9fff]{2,4}?)${ADVERBS}([\\u4e00-\\u9fff]{2})(?:了|过)(?:哪些|哪几[个位家所项条次]?)`,
);
/** What a leader said is a points question for the answerer ("X强调了哪些要求"), not a list of articles. */
const SPEECH_VERB = /^(?:强调|指出|要求|提出|表示|讲话|发言|部署|安排|明确|说明)$/;

/** What a timeline question asks: whose, and whether it asks where they went or one action. */
export interface TimelineAsk {
  name: string;
  /** "places": "X去过哪些地方" — each line quotes the sentence saying where they went, when there is one. */
  focus?: "places";
  /** "X会见了哪些…": only the articles with a sentence naming the person and this verb, quoting it. */
  verb?: string;
}

/** The timeline a question asks for, or undefined (see `timelineName`). */
export function timelineAsk(question: string): TimelineAsk | undefined {
  const q = normalizeQuery(question)
    .replace(/\s+/g, "")
    .replace(/^(?:请问|请告诉我|我想知道)/, "");
  const name = timelineName(q);
  if (name) return PLACES_ASK.test(q) ? { name, focus: "places" } : { name };
  const action = ACTION_ASK.exec(q);
  const [, who, verb] = action ?? [];
  if (who && verb && surnameAt(who, 0) > 0 && !SPEECH_VERB.test(verb)) return { name: who, verb };
  return undefined;
}

/**
 * The person whose timeline a question asks for ("吴长青参加了哪些活动？" →
 * "吴长青"), or undefined when it asks something else. The name must start
 * with a surname (core/zh/surnames), so "山阳区参加了哪些活动" is no timeline.
 */
export function timelineName(question: string): string | undefined {
  const q = normalizeQuery(question)
    .replace(/\s+/g, "")
    .replace(/^(?:请问|请告诉我|我想知道)/, "");
  for (const re of TIMELINE_ASKS) {
    const name = re.exec(q)?.[1];
    if (name && surnameAt(name, 0) > 0) return name;
  }
  return undefined;
}

/** One line of a timeline: an article naming the person, with the role sentence it rests on. */
export interface TimelineItem {
  article: Article;
  role: string | null;
  post: string | null;
  /** The clause(s) of the role sentence quoted (exact article text). */
  quote: string;
}

/** A person's timeline: every article naming them, newest first. */
export interface Timeline {
  name: string;
  /** The action asked about ("会见"), when the question asked one. */
  verb?: string;
  items: TimelineItem[];
  /** Districts of the items when more than one: the name may stand for different people. */
  districts: string[];
}

/** How a list line shows an article's day: `citationDate` (as citations show it), or 日期不详. */
export function dayLabel(a: Pick<Article, "date" | "dateText">): string {
  return citationDate(a.date, a.dateText) ?? "日期不详";
}

/** Newest first; undated articles after the dated ones, in page order. */
export function byDateDesc(
  a: Pick<Article, "date" | "source" | "seq">,
  b: Pick<Article, "date" | "source" | "seq">,
): number {
  if (a.date && b.date) return b.date.localeCompare(a.date) || a.source.localeCompare(b.source) || a.seq - b.seq;
  if (a.date) return -1;
  if (b.date) return 1;
  return a.source.localeCompare(b.source) || a.seq - b.seq;
}

/**
 * The timeline of `name`: one item per stored article that names the person
 * (a role sentence when the facts have one), newest first. Each item's quote
 * is checked by the guard: it must print the name, else the item is left out.
 */
export async function personTimeline(
  name: string,
  mentions: PersonMentions,
  getArticle: (id: string) => Article | undefined,
  opts: { focus?: "places"; verb?: string } = {},
): Promise<Timeline> {
  const items: TimelineItem[] = [];
  for (const found of await mentions.rolesOf(name)) {
    const article = getArticle(found.articleId);
    if (!article) continue;
    let m = found;
    if (opts.verb) {
      // "X会见了哪些…": the article counts only with a sentence naming the person and the action.
      const verb = opts.verb;
      const did = splitSentences(article.text).find((x) => x.text.includes(name) && x.text.includes(verb));
      if (!did) continue;
      m = { ...found, role: verb, sentence: did.text, start: did.start, end: did.end };
    } else if (opts.focus === "places") {
      // "去过哪些地方": the sentence of this article saying where the person went, when it has one.
      const naming = splitSentences(article.text).filter((x) => x.text.includes(name));
      const went = WENT_TO.map((re) => naming.find((x) => re.test(x.text))).find(Boolean);
      if (went) m = { ...found, sentence: went.text, start: went.start, end: went.end };
    }
    const at = article.text.indexOf(name, m.start);
    const span =
      at >= 0 && at < m.end
        ? quoteSpan(article.text, at, at + name.length, m.start, m.end)
        : { start: m.start, end: m.end };
    const quote = article.text.slice(span.start, span.end);
    // The guard: the line states the name (and its post), so its quote must print them.
    const claim = `${m.post ?? ""}${name}`;
    if (!quote.includes(name) || unsupported(claim, [quote], [name]).length > 0) continue;
    items.push({ article, role: m.role, post: m.post, quote });
  }
  items.sort((x, y) => byDateDesc(x.article, y.article));
  const districts = [...new Set(items.map((i) => i.article.district).filter((d): d is string => !!d))];
  return { name, verb: opts.verb, items, districts: districts.length > 1 ? districts : [] };
}

/** The reply text and citations of a timeline (one citation per line). */
export function renderTimeline(t: Timeline): { answer: string; citations: Citation[] } {
  const citations: Citation[] = t.items.map((it, i) => citationOf(it.article, i + 1, it.quote));
  const head =
    t.districts.length > 1
      ? `报道中“${t.name}”出现在${t.districts.join("、")}的 ${t.items.length} 篇报道里，可能不是同一人，按报道列出（新近的在前）：`
      : t.verb
        ? `报道中“${t.name}”${t.verb}的共 ${t.items.length} 篇（新近的在前）：`
        : `报道中提到“${t.name}”的共 ${t.items.length} 篇（新近的在前）：`;
  const lines = t.items.map((it, i) => {
    const who = it.post ? `${t.name}（${it.post}）` : t.name;
    const where = [dayLabel(it.article), it.article.district].filter(Boolean).join(" · ");
    const role = it.role ? ` ${it.role}` : "";
    return `${i + 1}. ${where}《${it.article.title}》${t.districts.length > 1 ? ` ${who}` : ""}${role}：“${it.quote}”[${i + 1}]`;
  });
  return { answer: [head, ...lines].join("\n"), citations };
}
