/** A piece of an article's text with its character span in `Article.text`. */
export interface Span {
  text: string;
  /** Start offset in the article text (inclusive). */
  start: number;
  /** End offset in the article text (exclusive). */
  end: number;
}

const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "\n"]);
const CLOSERS = new Set(["”", "’", "」", "』", ")", "）", '"']);
const CLAUSE_END = new Set(["，", ",", "；", ";", "：", ":"]);

function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

/**
 * Splits `text` into sentences at 。！？ and line breaks, keeping a closing
 * quote with its sentence. Offsets point into `text`, so a sentence can be
 * quoted exactly and located again.
 */
export function splitSentences(text: string, base = 0): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (!SENTENCE_END.has(c)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end] ?? "")) end++;
    const s = trimSpan(text, start, end);
    if (s) out.push({ ...s, start: s.start + base, end: s.end + base });
    start = end;
    i = end - 1;
  }
  const last = trimSpan(text, start, text.length);
  if (last) out.push({ ...last, start: last.start + base, end: last.end + base });
  return out;
}

/**
 * Splits a sentence into clauses at ，；： (full and half width), dropping the
 * separator and a final 。. Quotes and brackets are not split inside
 * (“a，b” stays one clause).
 */
export function splitClauses(sentence: Span): Span[] {
  const out: Span[] = [];
  const t = sentence.text;
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = t[i] ?? "";
    if (c === "“" || c === "（" || c === "(" || c === "《" || c === "「") depth++;
    else if ((c === "”" || c === "）" || c === ")" || c === "》" || c === "」") && depth > 0) depth--;
    if (i === t.length || (depth === 0 && CLAUSE_END.has(c))) {
      let e = i;
      while (e > start && SENTENCE_END.has(t[e - 1] ?? "")) e--;
      const s = trimSpan(t, start, e);
      if (s) out.push({ text: s.text, start: s.start + sentence.start, end: s.end + sentence.start });
      start = i + 1;
    }
  }
  return out;
}

/** The sentence spans of `text` that overlap [start, end). */
export function sentencesAround(text: string, start: number, end: number): Span[] {
  return splitSentences(text).filter((s) => s.end > start && s.start < end);
}
