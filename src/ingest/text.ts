import { toAsciiDigits } from "../core/zh/numbers.js";

/**
 * Line-level text clean-up for bulletin pages: width folding, OCR
 * letter-spacing and layout spaces. Pure functions, no state.
 */

/** CJK ideographs (BMP and compatibility), as a character-class body. */
export const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
/** Chinese punctuation printed full width (kept as printed in article text). */
export const CJK_PUNCT = "，。、；：！？（）《》〈〉“”‘’「」『』【】…—～·";

const cjkRe = new RegExp(`[${CJK}]`);
const cjkOrPunctRe = new RegExp(`^[${CJK}${CJK_PUNCT}0-9]$`);

/**
 * Full-width digits (and the other scripts `toAsciiDigits` knows), full-width
 * Latin letters (Ａ-Ｚ, ａ-ｚ), ％ and ． → their ASCII twins. Chinese
 * punctuation (，。：（）“”…) is left as printed.
 */
export function halfWidthAlnum(text: string): string {
  return toAsciiDigits(text).replace(/[\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * One raw line → a clean line: invisible characters dropped, ideographic,
 * no-break and tab spaces folded to one ASCII space, full-width digits and
 * letters made half width, ends trimmed.
 */
export function cleanLine(line: string): string {
  return halfWidthAlnum(
    line
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing stray control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
      .replace(/[\u3000\u00A0\t]/g, " "),
  )
    .replace(/ {2,}/g, " ")
    .trim();
}

/** True when `c` is a CJK ideograph. */
export function isCjk(c: string | undefined): boolean {
  return c !== undefined && cjkRe.test(c);
}

/**
 * Removes OCR letter-spacing: a run of two or more one-character tokens
 * ("方 向 ， 合 理") is closed up, together with the tokens touching it
 * ("大意 义 ， 把" → "大意义，把"). Word spaces between longer tokens
 * ("闹元宵 猜灯谜 促和谐") are kept.
 */
export function closeLetterSpacing(line: string): string {
  const tokens = line.split(" ").filter((t) => t !== "");
  if (tokens.length < 3) return tokens.join(" ");
  const single = tokens.map((t) => t.length === 1 && cjkOrPunctRe.test(t));
  // glue[i] = true: no space between token i and i+1.
  const glue = new Array<boolean>(tokens.length).fill(false);
  let i = 0;
  while (i < tokens.length) {
    if (!single[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && single[j + 1]) j++;
    if (j > i) {
      for (let k = Math.max(0, i - 1); k <= Math.min(tokens.length - 2, j); k++) glue[k] = true;
    }
    i = j + 1;
  }
  let out = tokens[0] ?? "";
  for (let k = 1; k < tokens.length; k++) out += (glue[k - 1] ? "" : " ") + tokens[k];
  return out;
}

const digitCjk = new RegExp(`(\\d) (?=[${CJK}${CJK_PUNCT}])`, "g");
const cjkDigit = new RegExp(`([${CJK}${CJK_PUNCT}]) (?=\\d)`, "g");
const bodyPunctSpace = new RegExp(`(?<=[${CJK_PUNCT}]) | (?=[${CJK_PUNCT}])`, "g");
const titlePunctSpace = /(?<=[，。、；：！？]) | (?=[，。、；：！？])/g;
const titleDate = /(\d) (?=[年月日号时])|(?<=[年月]) (?=\d)/g;

/**
 * Layout spaces out: OCR letter-spacing closed up, spaces between digits
 * and Chinese removed ("3 月 26 日" → "3月26日"), and spaces next to
 * Chinese punctuation removed. In `title` mode word spaces stay (headlines
 * use them as separators: "海军在多地举行活动 40多艘舰艇向公众开放",
 * "“冷资源” 打造“热产业”"); only spaces inside dates and next to
 * ，。、；：！？ go.
 */
export function fixSpacing(line: string, mode: "body" | "title" = "body"): string {
  let s = closeLetterSpacing(line);
  if (mode === "body") s = s.replace(digitCjk, "$1").replace(cjkDigit, "$1").replace(bodyPunctSpace, "");
  else s = s.replace(titleDate, "$1").replace(titlePunctSpace, "");
  return s.trim();
}

/**
 * Whether a paragraph ends a sentence (。！？；：… possibly followed by a
 * closing quote or bracket). A paragraph that does not was cut by a column
 * break and continues in the next block.
 */
export function endsSentence(text: string): boolean {
  const t = text.replace(/[”’」』）)\]】\s]+$/, "");
  return /[。！？!?；;：:…]$/.test(t);
}

/** Number of CJK ideographs in `text`. */
export function cjkCount(text: string): number {
  let n = 0;
  for (const c of text) if (cjkRe.test(c)) n++;
  return n;
}

/** Whether a line opens a bracket or quote it does not close (it was cut inside them: "【第33届夏季奥林匹克运"). */
export function unclosed(line: string): boolean {
  const pairs: [string, string][] = [
    ["【", "】"],
    ["《", "》"],
    ["“", "”"],
    ["（", "）"],
  ];
  return pairs.some(([o, c]) => line.split(o).length > line.split(c).length);
}
