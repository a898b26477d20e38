import { unsupported } from "../answer/guard.js";
import type { Article } from "../core/types.js";
import { segmenter } from "../core/zh/jieba.js";

/** The parts of an article a summary is made from. */
export type SummarySource = Pick<Article, "title" | "text"> & Partial<Pick<Article, "subtitle" | "repeatedParagraphs">>;

/** Options of `summarizeArticle`. */
export interface ExtractiveOptions {
  /** Longest summary, in characters (default 120). */
  maxLength?: number;
  /** A first sentence shorter than this gets the second one added when both fit (default 50). */
  minLength?: number;
}

const DATE = String.raw`(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到-]\d{1,2}(?:月\d{1,2})?日)?`;
const TIME_OF_DAY = String.raw`(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|晚)?`;

/** Dateline pieces removed from the start of a lead paragraph, tried repeatedly in order. */
const LEAD_BOILERPLATE: RegExp[] = [
  // 本报讯 / 本报消息 / 讯
  /^(?:本报讯|本报消息|本刊讯|讯)[\s:]*/,
  // News-agency datelines: 新华社郑州3月27日电, 本报北京3月27日电
  new RegExp(String.raw`^[\u4e00-\u9fa5]{1,12}?${DATE}电[\s:]*`),
  // Byline in brackets at the start: (记者原文钊 通讯员王欢), 【记者…】
  /^[(（【[][^)）】\]]{0,60}[)）】\]][\s:]*/,
  // Unbracketed byline: 记者 张三 通讯员 李四 (only when followed by a date or a space-separated byline)
  /^(?:本报)?(?:记者|通讯员)(?:\s*[\u4e00-\u9fa5]{2,4}){1,4}\s+/,
  // Date (+ time of day) followed by a comma: 3月27日, / 2月23日至25日, / 11月11日上午,
  new RegExp(String.raw`^${DATE}${TIME_OF_DAY}\s*[,，]\s*`),
  // Vague or relative time adverbials followed by a comma: 近日, / 日前, / 昨天下午, (relative to a print day the reader does not see)
  new RegExp(
    String.raw`^(?:近日|日前|近期|连日来|今年以来|目前|(?:当天|当日|昨天|昨日|今天|今日|前天)${TIME_OF_DAY})\s*[,，]\s*`,
  ),
];

/** Removes the dateline boilerplate ("本报讯(记者…)3月27日,") from the start of `text`. */
export function stripDateline(text: string): string {
  let out = text.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEAD_BOILERPLATE) {
      const next = out.replace(re, "");
      if (next !== out && next.trim().length > 0) {
        out = next.trim();
        changed = true;
      }
    }
  }
  return out;
}

const CJK_OR_PUNCT = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、,.:;!?()";

/**
 * Removes spaces that OCR left between CJK characters ("方 向 , 合 理") and
 * between CJK and digits ("3 月 27 日"), and collapses other white space.
 */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(new RegExp(`(?<=[${CJK_OR_PUNCT}]) (?=[${CJK_OR_PUNCT}\\d])`, "g"), "")
    .replace(new RegExp(`(?<=\\d) (?=[${CJK_OR_PUNCT}])`, "g"), "")
    .trim();
}

/** A photo caption ("卫东区十届人大七次会议现场 高鸿勋 摄") or a stray fragment, not a lead. */
function isCaption(paragraph: string): boolean {
  return paragraph.length < 12 || (paragraph.length < 60 && /摄$/.test(paragraph));
}

/** Punctuation no sentence starts with. */
const STARTS_WITH_PUNCT = /^[、,，。;；:：!！?？)）》”’]/;

/**
 * Whether `paragraph` begins mid-sentence (the page lost the article's
 * beginning): it starts with closing punctuation, or its first word (jieba)
 * is a particle such as 了/的/着 ("了/解放区…", but not "了解/到…").
 */
function startsMidSentence(paragraph: string): boolean {
  if (STARTS_WITH_PUNCT.test(paragraph)) return true;
  const first = segmenter().tag(paragraph.slice(0, 12), true)[0];
  return first !== undefined && (first.tag.startsWith("u") || first.tag === "y");
}

/** Drops a leading sentence fragment (see `startsMidSentence`) when a whole sentence follows it. */
function dropFragment(paragraph: string): string {
  if (!startsMidSentence(paragraph)) return paragraph;
  const m = /[。!?！？]/.exec(paragraph);
  const rest = m ? paragraph.slice(m.index + 1).trim() : "";
  return rest || paragraph;
}

/** The first paragraph that reads as the article's lead, without boilerplate or a cut-off beginning. */
function leadText(article: SummarySource): string {
  const repeated = new Set(article.repeatedParagraphs ?? []);
  const paragraphs = article.text.split("\n");
  for (let i = 0; i < paragraphs.length; i++) {
    if (repeated.has(i)) continue;
    const p = dropFragment(tidy(stripDateline(tidy(paragraphs[i] ?? ""))));
    if (p && !isCaption(p)) return p;
  }
  return "";
}

const OPENERS = "“‘(（《【[「『";
const CLOSERS = "”’)）》】]」』";
const SENTENCE_END = /[。!?！？]/;
const CLAUSE_END = /[,，;；:：、]/;

/**
 * Positions just after a sentence end (`sentences`) or a clause mark
 * (`clauses`) that are outside quotes and brackets, so that a cut there never
 * leaves a quotation or a bracket open.
 */
function boundaries(text: string): { sentences: number[]; clauses: number[] } {
  const sentences: number[] = [];
  const clauses: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === '"') continue;
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      depth = Math.max(0, depth - 1);
      // A sentence that ends inside a quote ends after the closing quote: 。”
      if (depth === 0 && SENTENCE_END.test(text[i - 1] ?? "")) sentences.push(i + 1);
    } else if (depth === 0 && SENTENCE_END.test(c)) {
      // Keep runs like "!?" or "。”" together.
      if (!SENTENCE_END.test(text[i + 1] ?? "") && !CLOSERS.includes(text[i + 1] ?? "")) sentences.push(i + 1);
    } else if (depth === 0 && CLAUSE_END.test(c)) {
      // A comma between digits is a thousands separator (1,200), not a clause mark.
      if (c === "," && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
      clauses.push(i + 1);
    }
  }
  return { sentences, clauses };
}

/** Cuts `text` to at most `max` characters at a word boundary (jieba), never inside a word or a number. */
function cutAtWord(text: string, max: number): string {
  let out = "";
  for (const word of segmenter().cut(text, true)) {
    if (out.length + word.length > max) break;
    out += word;
  }
  return out || text.slice(0, max);
}

/** Ends a cut-off summary with "…" instead of a dangling clause mark. */
function ellipsis(text: string): string {
  return `${text.replace(/[\s,，;；:：、]+$/, "")}…`;
}

/**
 * The extractive summary of an article: its lead sentence (two when the first
 * is short) without the dateline boilerplate ("本报讯(记者…)3月27日,"),
 * trimmed to `maxLength` (120) characters. A longer lead is cut at the last
 * clause boundary outside quotes and brackets (or, when there is none, at a
 * word boundary from jieba) and ends in "…", so a word or a name is never
 * cut in half. The summary is copied from the article, so every name and
 * number in it is in the cited text. Falls back to the subtitle or the title
 * when the body is empty.
 */
export function summarizeArticle(article: SummarySource, opts: ExtractiveOptions = {}): string {
  const max = opts.maxLength ?? 120;
  const min = opts.minLength ?? 50;
  const lead = leadText(article);
  if (!lead) return tidy(article.subtitle || article.title);
  const { sentences, clauses } = boundaries(lead);
  const ends = [...sentences.filter((e) => e < lead.length), lead.length];
  const first = ends[0] ?? lead.length;
  if (first <= max) {
    const second = ends[1];
    const end = first < min && second !== undefined && second <= max ? second : first;
    return lead.slice(0, end).trim();
  }
  const clause = clauses.filter((c) => c <= max && c >= Math.min(40, max / 2)).pop();
  if (clause !== undefined) return ellipsis(lead.slice(0, clause));
  return ellipsis(cutAtWord(lead, max - 1));
}

/** jieba tags of place, organization and other proper names (person names are the guard's). */
const PROPER_NAME_TAGS = new Set(["ns", "nt", "nz"]);

/**
 * The names, numbers and injected content of `summary` that `source` does
 * not state: the answer guard (`unsupported`: numbers by value in every
 * script, so 三百名 is rejected when the article says 二百名; person names
 * with or without a post; links, phones and instructions), plus the words
 * jieba tags as place or organization names. An LLM summary with any of
 * these is rejected, because every name and number the bot states must be
 * in the cited text. `known` adds the article's people (its facts).
 */
export function unsupportedTerms(summary: string, source: string, known: Iterable<string> = []): string[] {
  const plain = source.replace(/\s+/g, "");
  const missing = new Set(unsupported(summary, [plain], known));
  for (const { word, tag } of segmenter().tag(summary, true)) {
    if (PROPER_NAME_TAGS.has(tag) && word.trim().length > 1 && !plain.includes(word)) missing.add(word);
  }
  return [...missing];
}

/**
 * Turns one article into the summary line of a digest. The default is the
 * extractive `summarizeArticle`; `createLlmSummarizer` makes one that asks a
 * chat model and falls back to the extractive summary on any error.
 */
export type Summarizer = (article: Article) => Promise<string> | string;

/** The offline, deterministic summarizer: `summarizeArticle` with default options. */
export const extractiveSummarizer: Summarizer = (article) => summarizeArticle(article);
