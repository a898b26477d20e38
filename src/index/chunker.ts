import type { Article } from "../core/types.js";

/** A character span `[start, end)` of an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** One chunk of an article: its position in the article and its span in `Article.text`. */
export interface Chunk extends Span {
  chunkIndex: number;
  /** `article.text.slice(start, end)`. */
  text: string;
}

/** Sizes used by `chunkArticle`, in characters. */
export interface ChunkOptions {
  /** A chunk never grows past this size (default 350); longer sentences are cut at commas. */
  maxChars?: number;
}

const TERMINATORS = new Set(["。", "！", "？", "；", "!", "?", ";"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", '"', "'", "》"]);
const SOFT_BREAKS = new Set(["，", ",", "、", "：", ":"]);

function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** Cuts a span longer than `max` at the last soft break (comma…) before `max`, or hard at `max`. */
function cutLong(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let s = span.start;
  while (span.end - s > max) {
    let cut = -1;
    for (let i = s + max; i > s + max / 2; i--) {
      if (SOFT_BREAKS.has(text[i - 1] ?? "")) {
        cut = i;
        break;
      }
    }
    if (cut < 0) cut = s + max;
    const piece = trimSpan(text, s, cut);
    if (piece) out.push(piece);
    s = cut;
  }
  const rest = trimSpan(text, s, span.end);
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits `text[from, to)` into sentence spans: a sentence ends after 。！？；
 * (or their ASCII twins) together with the closing quotes/brackets that follow,
 * and at every line break. Spans are trimmed of white space and never empty.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  let i = from;
  while (i < to) {
    const c = text[i] ?? "";
    if (c === "\n") {
      const s = trimSpan(text, start, i);
      if (s) out.push(s);
      start = i + 1;
      i++;
      continue;
    }
    if (TERMINATORS.has(c)) {
      let e = i + 1;
      while (e < to && (TERMINATORS.has(text[e] ?? "") || CLOSERS.has(text[e] ?? ""))) e++;
      const s = trimSpan(text, start, e);
      if (s) out.push(s);
      start = e;
      i = e;
      continue;
    }
    i++;
  }
  const s = trimSpan(text, start, to);
  if (s) out.push(s);
  return out;
}

/** Paragraph ranges of `text` (split on "\n") that are not listed in `skip`, merged when adjacent. */
function keptSegments(text: string, skip: ReadonlySet<number>): Span[] {
  const segments: Span[] = [];
  let offset = 0;
  let current: Span | undefined;
  text.split("\n").forEach((para, idx) => {
    const start = offset;
    const end = offset + para.length;
    offset = end + 1;
    if (skip.has(idx)) {
      if (current) segments.push(current);
      current = undefined;
      return;
    }
    if (current) current.end = end;
    else current = { start, end };
  });
  if (current) segments.push(current);
  return segments;
}

/**
 * Cuts an article's text into chunks for the index: groups of whole
 * sentences of up to `maxChars` characters (typically 150–350), each chunk repeating
 * the last sentence of the previous one (one-sentence overlap). Paragraphs
 * listed in `repeatedParagraphs` are left out and no chunk spans them. Each
 * chunk's `text` is exactly `article.text.slice(start, end)`, so an answer
 * can quote it. An article without body text gives one empty chunk (0, 0)
 * so that its title is still indexed.
 */
export function chunkArticle(article: Pick<Article, "text" | "repeatedParagraphs">, opts: ChunkOptions = {}): Chunk[] {
  const max = opts.maxChars ?? 350;
  const text = article.text;
  const chunks: Chunk[] = [];
  const push = (start: number, end: number) => {
    chunks.push({ chunkIndex: chunks.length, start, end, text: text.slice(start, end) });
  };
  for (const seg of keptSegments(text, new Set(article.repeatedParagraphs))) {
    const sentences = splitSentences(text, seg.start, seg.end).flatMap((s) =>
      s.end - s.start > max ? cutLong(text, s, max) : [s],
    );
    let i = 0;
    while (i < sentences.length) {
      const first = sentences[i] as Span;
      let j = i;
      // Grow while the next whole sentence still fits in `max`.
      while (j + 1 < sentences.length && (sentences[j + 1] as Span).end - first.start <= max) j++;
      push(first.start, (sentences[j] as Span).end);
      if (j + 1 >= sentences.length) break;
      // One-sentence overlap: the next chunk starts with this chunk's last sentence.
      i = j > i ? j : j + 1;
    }
  }
  if (chunks.length === 0) push(0, 0);
  return chunks;
}

/**
 * The text embedded (and BM25-indexed) for a chunk: the article's title (and
 * subtitle, on the first chunk) followed by the chunk, so a question naming
 * only the headline's topic ("六一慰问") still finds the article.
 */
export function chunkEmbeddingText(
  article: Pick<Article, "title" | "subtitle">,
  chunk: Pick<Chunk, "chunkIndex" | "text">,
): string {
  const head = chunk.chunkIndex === 0 && article.subtitle ? `${article.title}\n${article.subtitle}` : article.title;
  return chunk.text ? `${head}\n${chunk.text}` : head;
}
