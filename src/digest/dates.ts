import { normalizeQuery } from "../core/normalize.js";
import { parseNumber } from "../core/zh/numbers.js";
import { namesPlace } from "../ingest/district.js";

/** What `parseDigestDate` returns: a day, or a Chinese message the user can act on. */
export type ParsedDigestDate =
  | {
      ok: true;
      /** The day, YYYY-MM-DD. */
      date: string;
      /** True when the user gave no year ("3月27日") and the year was inferred as the most recent one. */
      yearInferred?: boolean;
    }
  | { ok: false; message: string };

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    dayFormatters.set(timezone, f);
  }
  return f;
}

/**
 * Whether `timezone` is an IANA time zone this runtime knows
 * ("Asia/Shanghai", "UTC"). Used to validate user and config input before it
 * reaches `Intl`, which would throw.
 */
export function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in a time zone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM */
  time: string;
  /** HH:MM:SS */
  timeWithSeconds: string;
}

/**
 * The wall-clock day and time of instant `now` in `timezone`, e.g.
 * `{ day: "2020-03-28", time: "08:00", timeWithSeconds: "08:00:12" }`.
 * Throws a RangeError for an unknown time zone.
 */
export function localTime(now: Date, timezone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(now)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { day, time, timeWithSeconds: `${time}:${parts.second}` };
}

/** The day (YYYY-MM-DD) of instant `now` in `timezone`. */
export function todayIn(now: Date, timezone: string): string {
  return localTime(now, timezone).day;
}

/** Day `day` (YYYY-MM-DD) moved by `n` days (negative: back). Calendar arithmetic, no time zone involved. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD); positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days in month `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * "二〇二〇" → "2020", "三月二十七日" → "3月27日": Chinese numerals in dates
 * turned into Arabic digits, so that one set of patterns reads both.
 */
function chineseNumeralsToDigits(text: string): string {
  const digits = (m: string) => String(parseNumber(m) ?? m);
  // Years written digit by digit: 二〇二〇年.
  let out = text.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, digits);
  // Months and days: 十, 十二, 二十, 二十七, 三十一, 七.
  out = out.replace(/([一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])(?=[月日号])/g, digits);
  return out;
}

const HELP = "请用 2020-03-28、2020年3月28日、3月28日、今天、昨天 或 前天 这样的写法。";

const RELATIVE: Record<string, number> = {
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  前日: -2,
  大前天: -3,
};

function checkDay(year: number, month: number, day: number, raw: string): ParsedDigestDate {
  if (month < 1 || month > 12) return { ok: false, message: `“${raw}”不是有效日期：没有${month}月。${HELP}` };
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return { ok: false, message: `“${raw}”不是有效日期：${year}年${month}月只有${max}天。` };
  }
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * Reads the day a user asks a digest for, in the words a Chinese user types:
 * "2020-03-28", "2020/3/28", "2020.3.28", "20200328", "2020年3月28日",
 * "二〇二〇年三月二十八日", "今天"/"昨天"/"前天", and day-of-year forms without
 * a year ("3月27日", "3月27号", "3-27", "3/27", "3.27"), which mean the most
 * recent such day not after today. "Today" is `now` in `timezone`.
 * Full-width digits and traditional characters are accepted. Returns a clear
 * Chinese message for an impossible day ("2020-02-30") or unreadable text.
 */
export function parseDigestDate(input: string, now: Date, timezone: string): ParsedDigestDate {
  const raw = input.trim();
  if (!raw) return { ok: false, message: `没有给出日期。${HELP}` };
  if (raw.length > 40) return { ok: false, message: `日期太长，无法识别。${HELP}` };
  // "3月27日的新闻", "今天的摘要": the words around the date are dropped.
  const text = chineseNumeralsToDigits(
    normalizeQuery(raw)
      .replace(/\s+/g, "")
      .replace(/(?:的)?(?:新闻|消息|摘要|要闻)$/, ""),
  );
  const today = todayIn(now, timezone);

  const rel = RELATIVE[text];
  if (rel !== undefined) return { ok: true, date: addDays(today, rel) };

  const full =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (full) {
    const [, y, m, d] = full;
    return checkDay(Number(y), Number(m), Number(d), raw);
  }

  const short = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(text) ?? /^(\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (short) {
    const month = Number(short[1]);
    const day = Number(short[2]);
    if (month < 1 || month > 12) return { ok: false, message: `“${raw}”不是有效日期：没有${month}月。${HELP}` };
    if (day < 1 || day > 31 || (month === 2 && day > 29) || day > daysInMonth(2000, month)) {
      return { ok: false, message: `“${raw}”不是有效日期：${month}月没有${day}日。` };
    }
    // The most recent such day not after today (2月29日 looks back to the last leap year).
    const thisYear = Number(today.slice(0, 4));
    for (let year = thisYear; year >= thisYear - 8; year--) {
      if (day > daysInMonth(year, month)) continue;
      const date = `${year}-${pad(month)}-${pad(day)}`;
      if (date <= today) return { ok: true, date, yearInferred: true };
    }
  }
  return { ok: false, message: `无法识别日期“${raw}”。${HELP}` };
}

/**
 * The one resolver of a digest day for the bot and the CLI: `parseDigestDate`,
 * then, when the user gave no year ("3月27日"), the most recent such day that
 * has news (`daysWithNews`, YYYY-MM-DD) not after today — never the current
 * year blindly. When no year has news on that day, the most recent such
 * calendar day is kept (the digest then says there is no news and suggests
 * the nearest days).
 */
export function resolveDigestDay(
  input: string,
  now: Date,
  timezone: string,
  daysWithNews: readonly string[],
): ParsedDigestDate {
  const parsed = parseDigestDate(input, now, timezone);
  if (!parsed.ok || !parsed.yearInferred || daysWithNews.includes(parsed.date)) return parsed;
  const today = todayIn(now, timezone);
  const monthDay = parsed.date.slice(5);
  const sameDay = [...daysWithNews]
    .sort()
    .reverse()
    .find((d) => d.slice(5) === monthDay && d <= today);
  return sameDay ? { ok: true, date: sameDay, yearInferred: true } : parsed;
}

/** Characters of `s` as a set, without suffixes that every district shares (区/县/市). */
function charsOf(s: string): Set<string> {
  return new Set([...s.replace(/(?:区|县|市|旗)$/, "")]);
}

/**
 * The known district names nearest to what the user typed, best first: by
 * the characters they share (孟洲 → 孟州市), then by name. Empty when none
 * shares a character.
 */
export function nearestDistricts(input: string, known: readonly string[], limit = 3): string[] {
  const want = charsOf(input.trim());
  return known
    .map((d) => ({ d, shared: [...charsOf(d)].filter((c) => want.has(c)).length }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.d.localeCompare(b.d))
    .slice(0, limit)
    .map((x) => x.d);
}

/**
 * Whether a word the user typed where a date or a district may stand is a
 * place: a name of the national division list, with or without its suffix
 * ("北京", "朝阳", "郑州市"), or a near miss of a stored district ("孟洲"
 * for 孟州市). "明年某天" is not. Such a word is reported as an unknown
 * district rather than as a date that is not understood.
 */
export function looksLikePlace(word: string, known: readonly string[]): boolean {
  const w = word.trim();
  if (!/^[\u4e00-\u9fff]{2,20}$/.test(w)) return false;
  if (["", "市", "区", "县", "省"].some((suffix) => namesPlace(`（${w}${suffix}`))) return true;
  // A near miss shares at least half of its characters with a stored name (孟洲 ~ 孟州市).
  return nearestDistricts(w, known).some((d) => [...w].filter((c) => d.includes(c)).length * 2 >= w.length);
}

/**
 * The message for a place word that is not a stored district ("北京",
 * "孟洲"): it names the word as an unknown district and suggests the
 * nearest known names, or lists them all when none is near.
 */
export function unknownDistrictMessage(input: string, known: readonly string[]): string {
  const shown = [...input.trim()].slice(0, 20).join("") + ([...input.trim()].length > 20 ? "…" : "");
  if (known.length === 0) return `没有收录“${shown}”这个区县的新闻：还没有收录任何区县的新闻。`;
  const near = nearestDistricts(input, known);
  const all = known.length <= 12 ? `已收录的区县：${known.join("、")}。` : "";
  return near.length
    ? `没有收录“${shown}”这个区县。你是不是要找：${near.join("、")}？${all}`
    : `没有收录“${shown}”这个区县。${all || `已收录的区县有 ${known.length} 个，发送 /sources 查看。`}`;
}
