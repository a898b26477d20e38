/**
 * Chinese numbers as data: the digit and unit characters of every script a
 * news text or a model's reply may use, and the two functions every layer
 * derives its number handling from (`parseNumber`, `findNumbers`). Ingest
 * normalizes stored digits with `toAsciiDigits`; the answer layer matches
 * asked quantities by value; the guard compares a claim's numbers with its
 * quote's by value, so 三百名, ３００名 and 300名 are one fact.
 */

/** Digit characters → value: simplified, financial (大写), 〇 and 两. */
export const ZH_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Small units (within one 万 group) → multiplier. */
export const ZH_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

/** Large units → multiplier. */
export const ZH_LARGE_UNITS: Readonly<Record<string, number>> = {
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};

const DIGIT_CHARS = Object.keys(ZH_DIGITS).join("");
const SMALL_CHARS = Object.keys(ZH_SMALL_UNITS).join("");
const LARGE_CHARS = Object.keys(ZH_LARGE_UNITS).join("");

/** Character class body of every Chinese numeral character. */
export const ZH_NUMERAL_CHARS = `${DIGIT_CHARS}${SMALL_CHARS}${LARGE_CHARS}`;

/**
 * Full-width digits (０-９, ．), Arabic-Indic (٠-٩) and extended
 * Arabic-Indic (۰-۹) digits → ASCII digits; everything else unchanged.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9\uFF0E\uFF05]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    if (c === "\uFF0E") return ".";
    return "%";
  });
}

/** A group below 万: 三百二十, 十五, 二〇〇 (digit by digit), 两千零五. */
function parseSmallGroup(s: string): number | null {
  if (s === "") return 0;
  // Digit by digit (一〇〇, 二〇二〇): no unit characters at all.
  if (![...s].some((c) => c in ZH_SMALL_UNITS)) {
    if (![...s].every((c) => c in ZH_DIGITS)) return null;
    return Number([...s].map((c) => ZH_DIGITS[c]).join(""));
  }
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in ZH_DIGITS) {
      digit = ZH_DIGITS[c] ?? 0;
    } else if (c in ZH_SMALL_UNITS) {
      total += (digit ?? 1) * (ZH_SMALL_UNITS[c] ?? 1);
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/**
 * The value of a number as printed in any script: "348.5", "1,200", "３５０",
 * "٣٥٠", "三百二十", "一〇〇", "贰佰", "两千", "1.5万", "3亿", "十五". Returns
 * null when `text` is not a number. A trailing % is ignored (the caller
 * keeps the unit).
 */
export function parseNumber(text: string): number | null {
  let s = toAsciiDigits(text.trim()).replace(/%$/, "");
  if (s === "") return null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // Arabic digits with a large unit: 1.5万, 3亿, 2万5千 is not handled as such.
  const mixed = new RegExp(`^(\\d+(?:\\.\\d+)?)([${LARGE_CHARS}])$`).exec(s);
  if (mixed) return Number(mixed[1]) * (ZH_LARGE_UNITS[mixed[2] ?? ""] ?? 1);
  if (!new RegExp(`^[${ZH_NUMERAL_CHARS}]+$`).test(s)) return null;
  // Split on large units, highest first: 三亿五千万 → 3 × 1e8 + 5000 × 1e4.
  let total = 0;
  let rest = s;
  for (const unit of ["亿", "億", "万", "萬"]) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const v = head === "" ? 1 : parseSmallGroup(head);
    if (v === null) return null;
    total += v * (ZH_LARGE_UNITS[unit] ?? 1);
    rest = rest.slice(at + 1);
  }
  const tail = parseSmallGroup(rest);
  if (tail === null) return null;
  return total + tail;
}

/** One number found in a text. */
export interface NumberMention {
  /** As printed. */
  text: string;
  /** Its value (see `parseNumber`). */
  value: number;
  start: number;
  end: number;
}

/**
 * Arabic numbers in any digit script, with optional decimals, thousands
 * commas, a large unit (万/亿) and %; or runs of Chinese numerals. A lone
 * Chinese digit is a number only before a measure word or unit (三名, 一次),
 * so words such as 一些, 统一, 一同 are not read as numbers.
 */
/** Measure words and units a counted quantity is printed with (三名, 一次, 16个, 53.59亿元). */
export const MEASURE_WORDS = "个名位家项次人天年条所种场批辆台套座吨亩公里米元块小时分钟周月届期倍户件份岁余多组处座";

const ARABIC = String.raw`[0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9]+(?:[,，][0-9]{3})*(?:[.\uFF0E][0-9\uFF10-\uFF19]+)?`;
const NUMBER_RE = new RegExp(
  `(${ARABIC})([${LARGE_CHARS}])?|([${ZH_NUMERAL_CHARS}]{2,}|[${ZH_NUMERAL_CHARS}](?=[${MEASURE_WORDS}]))`,
  "g",
);

/**
 * Every number in `text` with its value: digits in any script, Chinese
 * numerals (〇, 两, 大写), mixed forms (1.5万). `[n]` citation markers are
 * not numbers. Words made of numeral characters that are not quantities
 * (一些, 万一) may appear when two numeral characters stand together; the
 * guard applies the same function to claim and quote, so they cancel out.
 */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const printed = m[0];
    // Skip citation markers [n].
    if (text[start - 1] === "[" && text[start + printed.length] === "]") continue;
    const value =
      m[3] !== undefined ? parseNumber(m[3]) : parseNumber(`${(m[1] ?? "").replace(/，/g, ",")}${m[2] ?? ""}`);
    if (value === null || Number.isNaN(value)) continue;
    out.push({ text: printed, value, start, end: start + printed.length });
  }
  return out;
}

/** An ordinal or session number: 第55次, 第四次, 十三届, 二次 (of 十一届二次会议), 第七期, 第二批, 第三轮, 第一名 (a rank), (第)四季度. */
const ORDINAL_RE = new RegExp(
  `第?([0-9${ZH_NUMERAL_CHARS}]+)(届|次)|第([0-9${ZH_NUMERAL_CHARS}]+)(期|批|轮|名)|第?([0-9一二三四])(季度)`,
  "g",
);

/**
 * The ordinals and session numbers of `text` by value and measure ("十一届二次会议" → ["11届", "2次"],
 * "第55次" → ["55次"], "第四季度" → ["4季度"]), so that a question's and an article's can be compared whatever digits they use.
 */
export function ordinalsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of toAsciiDigits(text).matchAll(ORDINAL_RE)) {
    const v = parseNumber(m[1] ?? m[3] ?? m[5] ?? "");
    if (v !== null && v > 0) out.push(`${v}${m[2] ?? m[4] ?? m[6]}`);
  }
  return out;
}
