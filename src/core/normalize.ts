import * as OpenCC from "opencc-js/t2cn";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * Full-width ASCII (Ａ１，：（）) → half-width, ideographic space → space,
 * and spaces that OCR put between CJK characters ("3 月 26 日") removed.
 * Chinese punctuation that has no ASCII twin (。、“”) is kept.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/**
 * Normalizes a user's question before analysis and retrieval: traditional →
 * simplified Chinese (OpenCC), full-width → half-width, white space folded.
 * Stored article text is normalized the same way at ingest, so both sides
 * meet.
 */
export function normalizeQuery(text: string): string {
  return toSimplified(toHalfWidth(text)).replace(/\s+/g, " ").trim();
}
