/**
 * Event dates and year inference. A page rarely prints the year: it comes
 * from the issue date when one is known, else from the years the page
 * mentions, else from a planning period it opens ("十四五"开局 → 2021).
 * A date whose year cannot be inferred stays null (its text is kept).
 */

/** What the lead of an article says about when it happened. */
export interface EventDate {
  /** As printed (normalized): "2月23日至25日", "11月16日上午", "近日". */
  text: string;
  year?: number;
  month?: number;
  day?: number;
  /** Days from the issue date for "今天" (0), "昨天" (-1), "前天" (-2). */
  offset?: number;
}

const TIME_OF_DAY = "(?:上午|下午|晚上|晚间|晚|中午|凌晨|早上|早晨|傍晚|夜间)?";
const FULL_DATE = new RegExp(
  `(?:((?:19|20)\\d{2})年)?(\\d{1,2})月(\\d{1,2})日${TIME_OF_DAY}(?:(?:至|到|—|－|-|~|～)(?:\\d{1,2}月)?\\d{1,2}日${TIME_OF_DAY})?`,
  "g",
);
const RELATIVE = new RegExp(`(?:近日|日前|连日来|近期|近来|昨天|昨日|前天|今天|今日)${TIME_OF_DAY}`, "g");
/**
 * A bare day ("13日上午，…", "…委员长会议13日在京举行"), month from the issue
 * date. Not a duration ("3日内", "5日后").
 */
const DAY_ONLY = new RegExp(
  `(?<![\\d月年号.第])(\\d{1,2})日${TIME_OF_DAY}(?![内后前\\d]|以内|以后|之内|之后|左右)`,
  "g",
);

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The event date of an article: the first date expression in its first
 * paragraphs (explicit "3月26日", a range's first day, or a relative "近日"
 * / "日前" that leaves the date unknown). Month-only and year-only mentions
 * ("3月", "2020年") are not dates.
 */
export function findEventDate(paragraphs: string[], maxParagraphs = 2): EventDate | null {
  for (const para of paragraphs.slice(0, maxParagraphs)) {
    const found: { index: number; date: EventDate }[] = [];
    for (const m of para.matchAll(FULL_DATE)) {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || !validDay(2000, month, day)) continue;
      found.push({
        index: m.index ?? 0,
        date: { text: m[0], month, day, ...(m[1] ? { year: Number(m[1]) } : {}) },
      });
      break;
    }
    for (const m of para.matchAll(RELATIVE)) {
      if (/截至|截止/.test(para.slice(Math.max(0, (m.index ?? 0) - 2), m.index ?? 0))) continue;
      const offset = /^(今天|今日)/.test(m[0])
        ? 0
        : /^(昨天|昨日)/.test(m[0])
          ? -1
          : /^前天/.test(m[0])
            ? -2
            : undefined;
      found.push({ index: m.index ?? 0, date: { text: m[0], ...(offset !== undefined ? { offset } : {}) } });
      break;
    }
    for (const m of para.matchAll(DAY_ONLY)) {
      const day = Number(m[1]);
      if (day < 1 || day > 31) continue;
      found.push({ index: m.index ?? 0, date: { text: m[0], day } });
      break;
    }
    found.sort((a, b) => a.index - b.index);
    if (found[0]) return found[0].date;
  }
  return null;
}

/**
 * Years a page mentions, leaving out targets ("到2035年", "2035年远景目标",
 * "锚定2035年美丽中国目标", "2030年前"). Past years stay: a page about 2024
 * may recall 2020.
 */
export function pageYears(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/((?:19|20)\d{2})年/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + m[0].length, at + m[0].length + 8);
    if (/(到|至|展望|力争|锚定|瞄准|迈向|面向)$/.test(before)) continue;
    if (/^(前|以前)/.test(after) || /^[^，,。；;！？]*?(远景|愿景|目标|议程)/.test(after)) continue;
    years.push(Number(m[1]));
  }
  return years;
}

/** Words before a year that look back on it ("总结2017年", "关于2021年度…的报告"). */
const REVIEW = /(总结|回顾|关于|盘点|刚刚过去的|过去的|去年)$/;
/** Words before a year that plan it ("谋划2018年工作", "确保2022年…开门红"). */
const PLAN = /(谋划|部署|推动|确保|迎接|安排|启动|筹备|做好)$/;

/**
 * The year an article's own text puts it in, from the years it mentions,
 * read against the event month: a year looked back on ("总结2017年",
 * "刚刚过去的2022年", 《关于2021年度…的报告》) is the event's year late in
 * the year and the year before it otherwise (a January meeting reviews last
 * year); a year planned ("谋划2018年工作") is the next year in November and
 * December, else the event's year. Targets ("到2035年"), comparisons
 * ("较2021年", "同比"), "…以来" and "截至…" are left out, and years after
 * `currentYear`. The year more than half of the mentions give, else undefined.
 */
export function ownYear(text: string, currentYear?: number, eventMonth?: number): number | undefined {
  const votes = new Map<number, number>();
  let n = 0;
  for (const m of text.matchAll(/((?:19|20)\d{2})年/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 6), at).replace(/[《“"]$/, "");
    const after = text.slice(at + m[0].length, at + m[0].length + 8);
    if (/(到|至|展望|力争|锚定|瞄准|迈向|面向|较|比|与|同比|相比|超过|高于|低于|截至|截止|自|从)$/.test(before))
      continue;
    if (/^(前|以前|以来|底|末)/.test(after) || /^[^，,。；;！？]*?(远景|愿景|目标|议程)/.test(after)) continue;
    let y = Number(m[1]);
    const late = eventMonth !== undefined && eventMonth >= 11;
    if (/(刚刚过去的|过去的|去年)$/.test(before)) y += 1;
    else if (REVIEW.test(before) && !late) y += 1;
    else if (PLAN.test(before) && late) y -= 1;
    if (currentYear !== undefined && y > currentYear) continue;
    votes.set(y, (votes.get(y) ?? 0) + 1);
    n++;
  }
  for (const [y, v] of votes) if (v * 2 > n) return y;
  return undefined;
}

const PERIOD_START: Record<string, number> = {
  十一五: 2006,
  十二五: 2011,
  十三五: 2016,
  十四五: 2021,
  十五五: 2026,
  十六五: 2031,
};

/**
 * The year a page's planning period opens, when the page speaks of opening
 * exactly one ("十五五"开局 → 2026); undefined when none or several.
 */
export function planningYear(text: string): number | undefined {
  const opened = new Set<number>();
  for (const m of text.matchAll(/十[一二三四五六]五[”"’]?(.{0,12}?)(开局|开好局)/g)) {
    const start = PERIOD_START[m[0].slice(0, 3)];
    if (start && !/[。；!！?？]/.test(m[1] ?? "")) opened.add(start);
  }
  return opened.size === 1 ? [...opened][0] : undefined;
}

/** Where the year of a page's dates comes from. */
export interface YearContext {
  /** The issue date YYYY-MM-DD (from `--date`, the file name or the page header). */
  issueDate?: string;
  /** Latest year the page mentions (targets left out), or planning period opened. */
  pageYear?: number;
  /** The year the article's own text puts it in (`ownYear`): beats the issue date and the page's. */
  ownYear?: number;
}

/**
 * The page's year context: the latest year the page mentions or the
 * planning period it opens, whichever is later. A year after `currentYear`
 * (the ingest clock's) cannot be the year of reported news — it is a target
 * ("落实2030年可持续发展议程") — and is left out.
 */
export function yearContext(pageText: string, issueDate?: string, currentYear?: number): YearContext {
  const years = pageYears(pageText).filter((y) => currentYear === undefined || y <= currentYear);
  const plan = planningYear(pageText);
  const candidates = [...years, ...(plan ? [plan] : [])];
  const pageYear = candidates.length ? Math.max(...candidates) : undefined;
  return { ...(issueDate ? { issueDate } : {}), ...(pageYear ? { pageYear } : {}) };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * An event date → YYYY-MM-DD, or null when the day or the year is unknown.
 * The year: printed with the date; else the article's own (`ownYear`, not
 * after the issue's); else the issue date's (the year before
 * when the day falls more than a month after the issue); else the page's.
 * "今天/昨天/前天" count back from the issue date, and are unknown without one.
 */
export function resolveDate(ev: EventDate | null, ctx: YearContext): string | null {
  const issue = ctx.issueDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.issueDate) : null;
  if (ev?.offset !== undefined && issue) {
    const d = new Date(Date.UTC(Number(issue[1]), Number(issue[2]) - 1, Number(issue[3]) + ev.offset));
    return d.toISOString().slice(0, 10);
  }
  if (!ev || ev.day === undefined) return null;
  let month = ev.month;
  let year = ev.year;
  if (month === undefined) {
    if (!issue) return null;
    month = Number(issue[2]);
    if (ev.day > Number(issue[3])) month -= 1;
    if (month === 0) {
      month = 12;
      year = Number(issue[1]) - 1;
    }
  }
  if (year === undefined && ctx.ownYear !== undefined && (!issue || ctx.ownYear <= Number(issue[1]))) {
    year = ctx.ownYear;
  }
  if (year === undefined && issue) {
    const iy = Number(issue[1]);
    const issueTime = Date.UTC(iy, Number(issue[2]) - 1, Number(issue[3]));
    const eventTime = Date.UTC(iy, month - 1, ev.day);
    year = eventTime - issueTime > 31 * 86400_000 ? iy - 1 : iy;
  }
  year ??= ctx.pageYear;
  if (year === undefined || !validDay(year, month, ev.day)) return null;
  return `${year}-${pad(month)}-${pad(ev.day)}`;
}

/**
 * A YYYY-MM-DD date in a file name ("2024-11-12_解放区.txt"; "_" or "."
 * also accepted as separators), if valid. Bare digit runs are not read as
 * dates: a hash like "…20200315…" in a name must not invent one.
 */
export function dateFromFileName(name: string): string | undefined {
  const m = /(?<![\d])((?:19|20)\d{2})([-_.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return validDay(y, mo, d) ? `${m[1]}-${m[3]}-${m[4]}` : undefined;
}

/** An issue date printed in a page header ("2024年11月18日 星期一"), if any. */
export function dateFromHeader(line: string): string | undefined {
  const m = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:星期|周)[一二三四五六日天]/.exec(line);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
}
