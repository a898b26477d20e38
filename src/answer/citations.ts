import type { Answer, Article, Citation } from "../core/types.js";

/** A statement of the answer and the article span(s) it rests on. */
export interface Claim {
  /** The statement, without the "据《…》" lead and without the [n] marker. */
  text: string;
  article: Article;
  /** Spans in `article.text` quoted as support (whole sentences). */
  spans: { start: number; end: number }[];
  /** The quote when it is no span of the text (the article's byline, stored apart from its body). */
  quoteText?: string;
  /** A verdict said before the source lead ("是。", "不是。", "列席。"): yes/no and either-or answers. */
  verdict?: string;
}

/** Half-width , ; : (as stored) → ，；： in answer text; numbers like 1,000 keep their comma. */
export function toChinesePunctuation(text: string): string {
  return text
    .replace(/(?<!\d),|,(?!\d)/g, "，")
    .replace(/;/g, "；")
    .replace(/(?<!\d):(?!\d)/g, "：");
}

/** "据《标题》（区，2024-11-11），": how an answer names its source. */
export function sourceLead(article: Article): string {
  const meta = [article.district, article.date].filter(Boolean).join("，");
  return `据《${article.title}》${meta ? `（${meta}）` : ""}，`;
}

/** Quotes longer than this are narrowed to the clauses that carry the claim. */
export const MAX_QUOTE = 150;

/**
 * The span to quote for a claim resting on [start, end) inside the sentence
 * [sentStart, sentEnd): the whole sentence when it is short, else the
 * clauses (between ，；。) that contain the claim.
 */
export function quoteSpan(
  text: string,
  start: number,
  end: number,
  sentStart: number,
  sentEnd: number,
): { start: number; end: number } {
  if (sentEnd - sentStart <= MAX_QUOTE) return { start: sentStart, end: sentEnd };
  let s = Math.max(sentStart, Math.min(start, sentEnd));
  let e = Math.min(sentEnd, Math.max(end, s));
  while (s > sentStart && !/[，,；;。]/.test(text[s - 1] ?? "")) s--;
  while (e < sentEnd && !/[，,；;。]/.test(text[e] ?? "")) e++;
  if (e < sentEnd && text[e] === "。") e++;
  return { start: s, end: e };
}

/** The exact text of `spans` in `article`, merged and in order, joined without gaps when adjacent. */
export function quoteOf(article: Article, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => article.text.slice(s.start, s.end)).join("……");
}

/**
 * The date of a citation as a reader should see it: YYYY-MM-DD when known;
 * else the date as printed, marked when the year is unknown
 * ("3月27日（年份不详）"); else (no day printed, "近日") nothing.
 */
export function citationDate(date: string | null, dateText: string | null | undefined): string | null {
  if (date) return date;
  const printed = dateText?.trim();
  if (!printed) return null;
  if (/\d{4}\s*年|[〇零一二三四五六七八九]{4}年/.test(printed)) return printed;
  const day = printed.match(/[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日/)?.[0];
  return day ? `${day}（年份不详）` : null;
}

/** The citation `[n]` of `article`, quoting `quote`: what every answer, list and timeline line cites. */
export function citationOf(article: Article, n: number, quote = ""): Citation {
  return {
    n,
    articleId: article.id,
    title: article.title,
    district: article.district,
    date: article.date,
    source: article.source,
    quote,
  };
}

/**
 * Builds the Answer from claims: one citation per article (numbered in
 * order of first use), each claim led by its source the first time and
 * closed by its [n] marker, e.g. "据《…》（解放区，2024-11-11），区委常委、
 * 常务副区长刘海霞主持会议。[1]".
 */
export function buildAnswer(question: string, claims: Claim[]): Answer {
  const citations: Citation[] = [];
  const spansByArticle = new Map<string, { start: number; end: number }[]>();
  const parts: string[] = [];
  let lastArticle: string | undefined;
  for (const c of claims) {
    let cit = citations.find((x) => x.articleId === c.article.id);
    if (!cit) {
      cit = citationOf(c.article, citations.length + 1);
      citations.push(cit);
    }
    spansByArticle.set(c.article.id, [...(spansByArticle.get(c.article.id) ?? []), ...c.spans]);
    const body = toChinesePunctuation(c.text.replace(/[，,；;。\s]+$/, ""));
    parts.push(`${c.verdict ?? ""}${lastArticle === c.article.id ? "" : sourceLead(c.article)}${body}。[${cit.n}]`);
    lastArticle = c.article.id;
  }
  for (const cit of citations) {
    const mine = claims.filter((c) => c.article.id === cit.articleId);
    const article = mine[0]?.article;
    const spans = spansByArticle.get(cit.articleId) ?? [];
    const apart = mine.map((c) => c.quoteText).filter((q): q is string => !!q);
    if (article) cit.quote = [...(spans.length > 0 ? [quoteOf(article, spans)] : []), ...apart].join("……");
  }
  return { question, answer: parts.join(""), citations, found: citations.length > 0 };
}

/** The honest "not in the news" answer: no citation. */
export function notFound(question: string): Answer {
  const q = question.trim().replace(/\s+/g, " ");
  const shown = q.length > 40 ? `${q.slice(0, 40)}…` : q;
  return {
    question,
    answer: shown
      ? `没有在已收录的新闻中找到能回答“${shown}”的内容。`
      : "没有在已收录的新闻中找到相关内容：请输入要问的问题。",
    citations: [],
    found: false,
  };
}
