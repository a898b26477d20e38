import type { Article } from "../core/types.js";
import { DATE_SOURCE } from "../core/zh/dates.js";
import { findNumbers, MEASURE_WORDS } from "../core/zh/numbers.js";
import { PLACE_END, VISIT_LEADS } from "../core/zh/places.js";
import { GROUP_LABELS, POST_SUFFIXES } from "../core/zh/posts.js";
import { ACTION_VERBS, ROLES, STATEMENT_VERBS } from "../core/zh/roles.js";
import { listItemAt, NAME_LIST_OPENERS, nameAt } from "./names.js";
import { type Span, splitSentences } from "./text.js";
import type { DateFact, Fact, PersonFact, PlaceFact, QuantityFact, RoleFact } from "./types.js";

/** A person mention in a sentence. */
interface Mention {
  name: string;
  post: string | null;
  /** Offsets in the sentence: the mention with its post, and the name alone. */
  start: number;
  nameStart: number;
  end: number;
}

/** Where a post printed before a name starts, reading back: punctuation, and a closing bracket ("驻马店(驻马店新闻网)市政协主席"). */
const STOP_BACK = new Set([
  ")",
  "）",
  "，",
  ",",
  "。",
  "；",
  ";",
  "：",
  ":",
  "！",
  "？",
  "!",
  "?",
  "“",
  "”",
  "\n",
  " ",
  "《",
  "》",
]);
const LEAD_NOISE =
  /^(?:本报讯|本报|据悉|据了解|近日|日前|今天|昨天|当天|随后|同时|其中|作为|最后|首先|其次|接着|然后|会上|会议|在|由|经|据|是|和|及|与|[（(][^）)]*[）)]|\d{4}年|\d{1,2}月|\d{1,2}日|上午|下午|晚上|至)+/;

function endsWithPost(text: string): string | undefined {
  return POST_SUFFIXES.find((s) => text.endsWith(s));
}

/** The post printed right before offset `i` of `s` ("区委副书记、区长"), or undefined. */
function postBefore(s: string, i: number, floor: number): { post: string; start: number } | undefined {
  if (!endsWithPost(s.slice(Math.max(floor, i - 8), i))) return undefined;
  let j = i;
  while (j > floor) {
    const c = s[j - 1] ?? "";
    if (STOP_BACK.has(c)) break;
    if (c === "、") {
      // "区委副书记、区长": keep going only when the part before 、 is a post too.
      if (!endsWithPost(s.slice(Math.max(floor, j - 9), j - 1))) break;
    }
    j--;
  }
  let post = s.slice(j, i);
  const lead = post.match(LEAD_NOISE);
  if (lead) {
    j += lead[0].length;
    post = post.slice(lead[0].length);
  }
  if (post.length === 0 || post.length > 32) return undefined;
  if (!endsWithPost(post)) return undefined;
  // A post is a name of an office, never a phrase ("创建过程中注重与村").
  if (/[与的在了对把将要是或派]|过程|注重/.test(post)) return undefined;
  // A bare label is not a post: "领导国防" is a verb and its object.
  if (GROUP_LABELS.test(post) && post !== "代表" && post !== "委员") return undefined;
  return { post, start: j };
}

/**
 * Person mentions in one sentence: names after a post or list label, names
 * continuing a list after 、/和/及, names after 补选/当选…, and names already
 * known from the article wherever they stand.
 */
export function findMentions(s: string, known: ReadonlySet<string> = new Set()): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  let floor = 0;
  while (i < s.length) {
    const prev = out[out.length - 1];
    const afterSeparator = !!prev && prev.end === i - 1 && "、和及".includes(s[i - 1] ?? "");
    let candidate = nameAt(s, i, known);
    // Where a list prints names (after a post, after 、 following a name), the item up to the next
    // separator or role verb is the name, even with characters rules reject (卫海波) or an unlisted surname.
    if (!candidate && (afterSeparator || endsWithPost(s.slice(Math.max(floor, i - 8), i)))) {
      candidate = listItemAt(s, i);
    }
    if (!candidate) {
      i++;
      continue;
    }
    const pb = postBefore(s, i, floor);
    const afterList = afterSeparator ? prev : undefined;
    const afterOpener =
      (NAME_LIST_OPENERS.some((o) => s.slice(floor, i).endsWith(o)) ||
        (prev?.post === null && prev.end === i - 1 && s[i - 1] === "、")) &&
      /^[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*(?:等)?(?:同志)?(?:为|当选)/.test(s.slice(i, i + 60));
    const knownHere = candidate && known.has(candidate);
    if (pb || afterList || afterOpener || knownHere) {
      // A name immediately followed by more CJK that is not a follower was rejected by nameAt.
      const post = pb ? pb.post : afterList && !pb ? afterList.post : null;
      const start = pb ? pb.start : i;
      out.push({ name: candidate, post, start, nameStart: i, end: i + candidate.length });
      i += candidate.length;
      floor = i;
      // "李志高等": the list is closed by 等.
      continue;
    }
    i++;
  }
  return out;
}

/**
 * The people of a subject: the last run of mentions separated only by
 * 、，和及与 (or 等). "主席万鄂湘作工作报告,常务副主席郑建邦主持" gives 郑建邦 alone;
 * "书记乔耸,副书记杜建强,…等" keeps the whole list.
 */
function trailingList(s: string, people: Mention[]): Mention[] {
  let k = people.length - 1;
  while (k > 0) {
    const between = s.slice((people[k - 1] as Mention).end, (people[k] as Mention).start);
    if (!/^(?:等)?[、，,和及与\s]*$/.test(between)) break;
    k--;
  }
  return people.slice(Math.max(0, k));
}

/** Role verbs, most specific first (from the shared role vocabulary); `role` is what is stored. */
const ROLE_PATTERNS: { re: RegExp; role: string; adjacent?: boolean }[] = [
  ...ROLES.map((r) => ({ re: new RegExp(r.printed.join("|"), "g"), role: r.role as string })),
  { re: new RegExp(STATEMENT_VERBS.join("|"), "g"), role: "讲话", adjacent: true },
  { re: new RegExp(ACTION_VERBS.join("|"), "g"), role: "" },
];

interface VerbHit {
  role: string;
  /** The subject must stand right before the verb ("李建超强调"). */
  adjacent: boolean;
  verb: string;
  start: number;
  end: number;
}

function findVerbs(s: string): VerbHit[] {
  const hits: VerbHit[] = [];
  for (const { re, role, adjacent } of ROLE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ role: role || m[0], verb: m[0], start, end, adjacent: adjacent === true });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const DATE_RE = new RegExp(DATE_SOURCE, "g");
const PLACE_RES = [
  /在([^，,。；;“”]{2,30}?)(?:召开|举行|开展|进行|举办|揭牌|启动|报到)/g,
  new RegExp(
    `(?:${VISIT_LEADS})([^，。；,;]{2,80}?)(?:等地|等处|等学校|等单位|等)?(?:实地|进行|开展|调研|督导|检查|察看|视察|慰问|走访|观摩|，|,|。)`,
    "g",
  ),
];

function cleanSegment(text: string): { text: string; offset: number } {
  let t = text;
  let offset = 0;
  for (;;) {
    const m = t.match(/^[\s，,。；;：:、]+/) ?? t.match(LEAD_NOISE);
    if (!m || m[0].length === 0) break;
    t = t.slice(m[0].length);
    offset += m[0].length;
  }
  return { text: t.replace(/[\s，,；;：:]+$/, ""), offset };
}

/** What a fact pass reads: one sentence of an article and the person mentions found in it. */
export interface SentenceInput {
  article: Article;
  sentence: Span;
  /** Person mentions of the sentence (offsets relative to the sentence). */
  mentions: Mention[];
}

/** One named pass of fact extraction: a pure function from a sentence to its facts of one kind. */
export interface FactPass {
  name: string;
  run(input: SentenceInput): Fact[];
}

function quoteOfSentence(sent: Span): { quoteStart: number; quoteEnd: number } {
  return { quoteStart: sent.start, quoteEnd: sent.end };
}

/** "王志强任指挥长", "由张三担任组长": a post printed after the name. */
const POST_AFTER = new RegExp(
  `^(?:同志)?(?:任|担任|兼任)([^，,。；;、]{0,12}?(?:${POST_SUFFIXES.join("|")}))(?=[，,。；;、]|$)`,
);

/**
 * People: every mention with the post printed before the name ("区委副书记、区长何飞"), and a second
 * fact for a post printed after it ("县长王志强任指挥长" → 指挥长).
 */
export function personPass({ article, sentence, mentions }: SentenceInput): PersonFact[] {
  const after: PersonFact[] = [];
  for (const m of mentions) {
    const p = sentence.text.slice(m.end).match(POST_AFTER);
    if (!p?.[1]) continue;
    after.push({
      articleId: article.id,
      kind: "person",
      name: m.name,
      post: p[1],
      value: sentence.text.slice(m.nameStart, m.end + p[0].length),
      start: sentence.start + m.nameStart,
      end: sentence.start + m.end + p[0].length,
      ...quoteOfSentence(sentence),
    });
  }
  return [
    ...mentions.map(
      (m): PersonFact => ({
        articleId: article.id,
        kind: "person",
        name: m.name,
        post: m.post,
        value: sentence.text.slice(m.start, m.end),
        start: sentence.start + m.start,
        end: sentence.start + m.end,
        ...quoteOfSentence(sentence),
      }),
    ),
    ...after,
  ];
}

/**
 * Roles: who attended, presided, came along, led, spoke, was elected, or did an action verb, with
 * lists split into one fact per person, "在X的陪同下" and "出席会议并讲话" read as two roles.
 */
export function rolePass({ article, sentence: sent, mentions }: SentenceInput): RoleFact[] {
  const s = sent.text;
  const base = sent.start;
  const q = quoteOfSentence(sent);
  const facts: RoleFact[] = [];

  // "在X的陪同下": X accompanies; the parenthetical is masked for the other verbs.
  let masked = s;
  const accompany = /在([^，,。；;]{2,60}?)的?陪同下/g;
  for (let m = accompany.exec(s); m; m = accompany.exec(s)) {
    const inner = m[1] ?? "";
    const innerStart = m.index + 1;
    const people = mentions.filter((p) => p.nameStart >= innerStart && p.end <= innerStart + inner.length);
    pushRole(facts, article, "陪同", inner, base + m.index, people, q, undefined, base + m.index + m[0].length);
    masked = masked.slice(0, m.index) + "\u0000".repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }

  const verbs = findVerbs(masked);
  let segStart = 0;
  let lastPeople: Mention[] = [];
  for (const v of verbs) {
    // A subject never reaches back across ；.
    const semi = Math.max(masked.lastIndexOf("；", v.start - 1), masked.lastIndexOf(";", v.start - 1));
    if (semi + 1 > segStart) segStart = semi + 1;
    const between = masked.slice(segStart, v.start).replaceAll("\u0000", "");
    let people = trailingList(
      s,
      mentions.filter((p) => p.start >= segStart && p.end <= v.start),
    );
    const lastP = people[people.length - 1];
    if (lastP) {
      const gap = masked.slice(lastP.end, v.start).replaceAll("\u0000", "");
      const ok = v.adjacent
        ? /^(?:还|也|又|进一步|再次|同时)?$/.test(gap)
        : /^[^，,；;。]*$/.test(gap) || /^(?:等|一行)?[^，,；;。]{0,8}[，,][^，,；;。]*$/.test(gap);
      if (!ok) people = [];
    }
    let value = "";
    let valueStart = 0;
    if (people.length > 0) {
      const first = people[0] as Mention;
      valueStart = first.start;
      const last = people[people.length - 1] as Mention;
      value = s.slice(first.start, last.end);
      if (s[last.end] === "等") value += "等";
    } else if (
      !v.adjacent &&
      lastPeople.length > 0 &&
      /^(?:会议|活动)?(?:并|后|，|,|一行|先后|实地|深入|[^，,。]{0,12}负责人)*$/.test(between)
    ) {
      // "出席会议并讲话", "带领相关部门负责人实地调研": same subject as the previous verb.
      people = lastPeople;
      const first = people[0] as Mention;
      const last = people[people.length - 1] as Mention;
      valueStart = first.start;
      value = s.slice(first.start, last.end);
      if (s[last.end] === "等") value += "等";
    } else if (!v.adjacent) {
      // No person: the subject is the clause before the verb ("各街道(园区)、区直相关单位负责人").
      // The latest clause of the segment that names who (cut before 分别/依次…).
      const clauses = masked.slice(segStart, v.start).split(/[，,]/);
      let offset = v.start;
      for (let k = clauses.length - 1; k >= 0 && !value; k--) {
        const raw = clauses[k] ?? "";
        offset -= raw.length + (k < clauses.length - 1 ? 1 : 0);
        const cut = raw.replaceAll("\u0000", "").split(/分别|依次|先后|纷纷|结合|围绕|就|作了|作$/)[0] ?? "";
        const seg = cleanSegment(cut);
        if (
          seg.text.length >= 2 &&
          !/[“”"]/.test(seg.text) &&
          /(?:人|同志|负责人|代表|委员|干部|领导|书记|单位|部门|街道|园区|社区|镇|乡|局|委|办|所|站|队|村|等)$/.test(
            seg.text,
          )
        ) {
          value = seg.text;
          valueStart = offset + raw.indexOf(seg.text);
        }
      }
      if (v.role === "" || v.role === "讲话") value = "";
    }
    if (v.role === "当选" && v.verb === "补选") {
      // "补选朱晓鹏为卫东区监察委员会主任": the people follow the verb.
      const tail = s.slice(v.end).match(/^[^，,。；;]*?为([^，,。；;]+)/);
      const elected = tail ? mentions.filter((p) => p.nameStart >= v.end && p.end <= v.end + tail[0].length) : [];
      if (elected.length > 0 && tail) {
        pushRole(
          facts,
          article,
          "当选",
          s.slice(v.end, v.end + tail[0].length),
          base + v.start,
          elected,
          q,
          tail[1],
          base + v.end + tail[0].length,
        );
      } else {
        const obj = s.slice(v.end).match(/^\d+名[^，,。；;]+/)?.[0];
        if (obj) pushRole(facts, article, "补选", obj, base + v.start, [], q, undefined, base + v.end + obj.length);
      }
      segStart = v.end;
      continue;
    }
    if (value) {
      pushRole(facts, article, v.role, value, base + valueStart, people, q, undefined, base + v.end);
      // "出席会议并讲话": the same people also spoke.
      const also = v.verb.match(/并[\u4e00-\u9fff]{0,3}?(讲话|致辞|发言)$/)?.[1];
      if (also)
        pushRole(
          facts,
          article,
          also === "发言" ? "发言" : "讲话",
          value,
          base + valueStart,
          people,
          q,
          undefined,
          base + v.end,
        );
    }
    if (people.length > 0) lastPeople = people;
    segStart = v.end;
  }

  return facts;
}

/** Dates as printed ("7月21日上午", "12月23日至25日"). */
export function datePass({ article, sentence: sent }: SentenceInput): DateFact[] {
  const s = sent.text;
  const base = sent.start;
  const q = quoteOfSentence(sent);
  const facts: DateFact[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(s); m; m = DATE_RE.exec(s)) {
    facts.push({
      articleId: article.id,
      kind: "date",
      value: m[0],
      start: base + m.index,
      end: base + m.index + m[0].length,
      ...q,
    });
  }
  return facts;
}

/** Places: where something was held ("在…召开") and the places visited ("先后到A、B、C等地"), each item. */
export function placePass({ article, sentence: sent }: SentenceInput): PlaceFact[] {
  const s = sent.text;
  const q = quoteOfSentence(sent);
  const facts: PlaceFact[] = [];
  const seen = new Set<number>();
  for (const re of PLACE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const list = m[1] ?? "";
      const listAt = m.index + m[0].indexOf(list);
      // "县公安局、竹园南路、东风路及周边背街小巷": every item of the list, each a place.
      let offset = 0;
      for (const raw of list.split(/([、和及与])/)) {
        const at = listAt + offset;
        offset += raw.length;
        if (/^[、和及与]$/.test(raw)) continue;
        const place = raw.replace(/^(?:了|过|到|在)/, "");
        const start = at + (raw.length - place.length);
        if (place.length < 2 || /^(?:会议|工作|活动|全区|全市|全县|现场|一线)$/.test(place)) continue;
        if (!PLACE_END.test(place) || seen.has(start)) continue;
        seen.add(start);
        facts.push({
          articleId: article.id,
          kind: "place",
          value: place,
          start: sent.start + start,
          end: sent.start + start + place.length,
          ...q,
        });
      }
    }
  }
  return facts;
}

/** A number followed by its unit ("16个", "53.59亿元", "四项", "８吨"): the unit part. */
const UNIT_AFTER = new RegExp(`^(?:[万亿]?元|%|[${MEASURE_WORDS}](?:[\u4e00-\u9fff]{0,1}(?=[，,。；;、]))?)`);

/** Quantities: every number with a unit (dates, years and ordinals 第3次 are not quantities). */
export function quantityPass({ article, sentence: sent }: SentenceInput): QuantityFact[] {
  const s = sent.text;
  const q = quoteOfSentence(sent);
  const dates = [...s.matchAll(DATE_RE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const facts: QuantityFact[] = [];
  for (const n of findNumbers(s)) {
    if (dates.some(([a, b]) => n.start < b && n.end > a)) continue;
    if (s[n.start - 1] === "第" || (/^[年月日届次号]/.test(s.slice(n.end)) && s[n.start - 1] === "第")) continue;
    const unit = s.slice(n.end).match(UNIT_AFTER)?.[0] ?? "";
    if (!unit || /^[年月日时]/.test(unit)) continue;
    facts.push({
      articleId: article.id,
      kind: "quantity",
      amount: n.value,
      unit: unit.replace(/^([个名位家项次人天条所种场批辆台套座吨亩米元户件份岁组处]).*$/, "$1"),
      value: s.slice(n.start, n.end + unit.length),
      start: sent.start + n.start,
      end: sent.start + n.end + unit.length,
      ...q,
    });
  }
  return facts;
}

/** The fact passes, run in this order on every sentence. */
export const FACT_PASSES: readonly FactPass[] = [
  { name: "person", run: personPass },
  { name: "role", run: rolePass },
  { name: "date", run: datePass },
  { name: "place", run: placePass },
  { name: "quantity", run: quantityPass },
];

function pushRole(
  facts: RoleFact[],
  article: Article,
  role: string,
  value: string,
  start: number,
  people: Mention[],
  q: { quoteStart: number; quoteEnd: number },
  post: string | undefined,
  end: number,
): void {
  if (people.length === 0) {
    facts.push({
      articleId: article.id,
      kind: "role",
      name: null,
      post: post ?? null,
      role,
      value,
      start,
      end,
      ...q,
    });
    return;
  }
  for (const p of people) {
    facts.push({
      articleId: article.id,
      kind: "role",
      name: p.name,
      post: post ?? p.post,
      role,
      value,
      start,
      end,
      ...q,
    });
  }
}

/**
 * Extracts the facts of one article: people with their posts as printed,
 * their roles at the event (出席, 主持, 列席, 陪同, 一同…, 讲话, 发言,
 * 带队, 当选 and action verbs such as 调研/督导), dates and places, each with
 * the span of the sentence that states it, and quantities with their
 * values. The named passes of `FACT_PASSES` run in order on each sentence. Lists split on 、/和/及 and
 * closed by 等 yield one role fact per person; the printed list is kept in
 * `value`. Names found with a post are then recognized bare in later
 * sentences ("葛海水强调"). Pure: no I/O.
 */
export function extractFacts(article: Article): Fact[] {
  const sentences = splitSentences(article.text);
  const known = new Set<string>();
  // First pass: names with a post or in a labelled list, so that bare mentions are known in the second.
  for (const sent of sentences) for (const m of findMentions(sent.text)) known.add(m.name);
  const facts: Fact[] = [];
  for (const sentence of sentences) {
    const mentions = findMentions(sentence.text, known);
    for (const m of mentions) known.add(m.name);
    for (const pass of FACT_PASSES) facts.push(...pass.run({ article, sentence, mentions }));
  }
  return inheritBodies(facts);
}

/**
 * "县人大常委会主任蒋文杰、副主任沈玉兰": a deputy post printed bare after the head of a body is the deputy of
 * that body (县人大常委会副主任). Only the last post of the head's chain lends its body ("县委副书记、县长王五，
 * 副县长李四" stays 副县长).
 */
export function inheritBodies(facts: Fact[]): Fact[] {
  let prev: PersonFact | undefined;
  for (const f of facts) {
    if (f.kind !== "person") continue;
    const deputy = f.post?.match(/^(?:常务)?副([\u4e00-\u9fff]{2,3})$/);
    const head = prev?.quoteStart === f.quoteStart ? prev.post?.split("、").pop() : undefined;
    if (deputy?.[1] && head && head.endsWith(deputy[1]) && head.length > deputy[1].length) {
      const body = head.slice(0, -deputy[1].length);
      if (!/副$/.test(body)) f.post = `${body}${f.post}`;
    } else {
      prev = f;
    }
  }
  return facts;
}
