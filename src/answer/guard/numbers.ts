import { findNumbers, ZH_DIGITS, ZH_SMALL_UNITS } from "../../core/zh/numbers.js";

/**
 * The numbers stated in `text` as printed (digits in any script, Chinese
 * numerals with 〇/两/大写, 1.5万), `[n]` markers excluded: `findNumbers` of
 * the shared vocabulary, so the guard and the answer layer read one number
 * the same way.
 */
export function numbersIn(text: string): string[] {
  return findNumbers(text).map((m) => m.text);
}

/** Whether two parsed values are the same number (floating point noise of 1.5 × 1e4 and the like aside). */
function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The numbers of `claim` whose value is not the value of any number in
 * `quote`: 三百名 against 二百名, ３５０ against 300, 贰佰 against 两百 (the
 * latter passes: both are 200). Returned as printed in the claim.
 */
export function unsupportedNumbers(claim: string, quote: string): string[] {
  const values = findNumbers(quote).map((m) => m.value);
  const missing: string[] = [];
  const mentions = findNumbers(claim);
  for (const m of mentions) {
    if (!values.some((v) => sameValue(v, m.value)) && !missing.includes(m.text)) missing.push(m.text);
  }
  for (const w of loneNumerals(claim, mentions))
    if (!inQuote(w, quote) && !missing.includes(w.text)) missing.push(w.text);
  return missing;
}

/** Digit characters of every Chinese script, and the 大写 units (拾佰仟), which no ordinary word uses. */
const LONE = new Set([...Object.keys(ZH_DIGITS), ...Object.keys(ZH_SMALL_UNITS).filter((c) => !"十百千".includes(c))]);
const CJK = /[\u4e00-\u9fff]/;

/** A numeral character that `findNumbers` does not read as a quantity, with its CJK neighbours ("" when none). */
interface LoneNumeral {
  /** The character with its neighbours, as reported missing: 六红. */
  text: string;
  char: string;
  prev: string;
  next: string;
}

/**
 * Numeral characters standing alone in words (六稳, 四风, 七一, 捌号院, 二要):
 * `findNumbers` leaves them out so that 统一 or 一些 are no numbers, but a
 * model that turns 七一 into 六 or 8号院 into 捌号院 changes a number.
 */
function loneNumerals(claim: string, mentions: { start: number; end: number }[]): LoneNumeral[] {
  const out: LoneNumeral[] = [];
  for (let i = 0; i < claim.length; i++) {
    const char = claim[i] ?? "";
    if (!LONE.has(char) || mentions.some((m) => i >= m.start && i < m.end)) continue;
    const prev = CJK.test(claim[i - 1] ?? "") ? (claim[i - 1] ?? "") : "";
    const next = CJK.test(claim[i + 1] ?? "") ? (claim[i + 1] ?? "") : "";
    out.push({ text: `${prev}${char}${next}`, char, prev, next });
  }
  return out;
}

/** Whether the quote has the lone numeral in one of its words: with the character before or after it. */
function inQuote(w: LoneNumeral, quote: string): boolean {
  if (!w.prev && !w.next) return quote.includes(w.char);
  return (!!w.next && quote.includes(w.char + w.next)) || (!!w.prev && quote.includes(w.prev + w.char));
}
