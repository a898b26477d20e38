import type { ParsedArticle } from "../core/types.js";

/**
 * The parse check: how well `parsePage` splits pages into articles, scored
 * against a file of expected articles (`pages.json`: per page file, the
 * articles in page order with `title`, `district`, `date` and `first`, the
 * first characters of the body). No index and no embedding are involved.
 */

/** One expected article of a `pages.json` page. */
export interface ExpectedArticle {
  id?: string;
  /** The headline as printed; null on a page that prints none (a derived title is then expected). */
  title: string | null;
  district: string | null;
  date: string | null;
  /** First characters of the article as printed (dateline included). */
  first: string;
}

/** One page of a `pages.json` file. */
export interface ExpectedPage {
  layout?: string;
  articles: ExpectedArticle[];
}

/** What went wrong with one expected article (empty `problems`: all right). */
export interface ArticleCheck {
  expected: ExpectedArticle;
  found: boolean;
  titleOk: boolean;
  merged: boolean;
  districtOk: boolean;
  dateOk: boolean;
  wrongYear: boolean;
  /** The parsed article it was matched to, if any. */
  got?: Pick<ParsedArticle, "title" | "district" | "date"> & { titleDerived: boolean };
  problems: string[];
}

/** Counts over a set of expected articles. */
export interface ParseScore {
  articles: number;
  found: number;
  titles: number;
  notMerged: number;
  districts: number;
  dates: number;
  wrongYears: number;
  /** Parsed articles that match no expected one (split-off pieces, captions taken as articles). */
  extra: number;
}

/** The check of one page. */
export interface PageCheck {
  page: string;
  heldOut: boolean;
  score: ParseScore;
  articles: ArticleCheck[];
}

/** Whitespace out (layout, not text). */
function squash(s: string): string {
  return s.replace(/\s+/g, "");
}

/**
 * A dateline at the start of an expected `first` ("本报讯", "映象网讯(记者…)",
 * "云上通城讯 记者孙建华报道:", "今日竹山网消息"), possibly cut off inside
 * its brackets. The parser moves datelines to `byline`, so the body starts after it.
 */
const EXPECTED_DATELINE =
  /^[^，,。:：（(]{0,14}?(?:讯|消息|电)(?:[（(][^）)]*(?:[）)]|$))?(?:记者[^，,。:：]{1,12}报道)?[:：，,]?/;

/** The part of `first` the parser keeps as the body start, and the names its dateline carries. */
function expectedLead(first: string): { lead: string; names: string } {
  const f = squash(first);
  const m = EXPECTED_DATELINE.exec(f);
  if (!m) return { lead: f, names: "" };
  // The first reporter named in the (maybe cut-off) brackets.
  const inBrackets = first.match(/[（(]([^）)]*)/)?.[1] ?? "";
  const names = inBrackets.split(/\s+|记者|通讯员|见习|融媒体中心/).find((t) => /^[\u4e00-\u9fff]{2,4}$/.test(t)) ?? "";
  return { lead: f.slice(m[0].length), names };
}

/** Whether parsed article `a` starts where `e` starts (its dateline may have gone to the byline). */
function startsAt(a: ParsedArticle, e: ExpectedArticle): boolean {
  const text = squash(a.text);
  const whole = squash(e.first);
  if (text.startsWith(whole)) return true;
  const { lead, names } = expectedLead(e.first);
  if (lead.length >= 6) return text.startsWith(lead);
  // `first` ends inside the dateline: the names must be the byline, the body right after it.
  const byline = squash(a.byline ?? "");
  return names.length >= 2 && byline.includes(names);
}

/** Scores one page's parsed articles against its expected ones. */
export function checkPage(
  page: string,
  parsed: (ParsedArticle & { titleDerived?: boolean })[],
  expected: ExpectedPage,
  heldOut: boolean,
): PageCheck {
  const used = new Set<number>();
  const checks: ArticleCheck[] = expected.articles.map((e) => {
    const at = parsed.findIndex((a, i) => !used.has(i) && startsAt(a, e));
    const problems: string[] = [];
    if (at < 0) {
      problems.push(`not found: no article starts with "${e.first.slice(0, 16)}"`);
      return {
        expected: e,
        found: false,
        titleOk: false,
        merged: false,
        districtOk: false,
        dateOk: false,
        wrongYear: false,
        problems,
      };
    }
    used.add(at);
    const a = parsed[at] as ParsedArticle & { titleDerived?: boolean };
    const derived = a.titleDerived === true;
    const titleOk =
      e.title === null ? derived && a.title.trim() !== "" : !derived && squash(a.title) === squash(e.title);
    const others = expected.articles.filter((o) => o !== e).map((o) => expectedLead(o.first).lead.slice(0, 12));
    const merged = others.some((o) => o.length >= 8 && squash(a.text).includes(o));
    const districtOk = a.district === e.district;
    const dateOk = a.date === e.date;
    const wrongYear = a.date !== null && (e.date === null || a.date.slice(0, 4) !== e.date.slice(0, 4));
    if (!titleOk)
      problems.push(`title "${a.title}"${derived ? " (derived)" : ""}, expected "${e.title ?? "(derived)"}"`);
    if (merged) problems.push("merged with another article");
    if (!districtOk) problems.push(`district ${a.district ?? "null"}, expected ${e.district ?? "null"}`);
    if (!dateOk)
      problems.push(`date ${a.date ?? "null"}, expected ${e.date ?? "null"}${wrongYear ? " (WRONG YEAR)" : ""}`);
    return {
      expected: e,
      found: true,
      titleOk,
      merged,
      districtOk,
      dateOk,
      wrongYear,
      got: { title: a.title, district: a.district, date: a.date, titleDerived: derived },
      problems,
    };
  });
  const score = tally(checks);
  score.extra = parsed.length - used.size;
  return { page, heldOut, score, articles: checks };
}

function tally(checks: ArticleCheck[]): ParseScore {
  const n = (f: (c: ArticleCheck) => boolean) => checks.filter(f).length;
  return {
    articles: checks.length,
    found: n((c) => c.found),
    titles: n((c) => c.titleOk),
    notMerged: n((c) => c.found && !c.merged),
    districts: n((c) => c.districtOk),
    dates: n((c) => c.dateOk),
    wrongYears: n((c) => c.wrongYear),
    extra: 0,
  };
}

/** The sum of page scores. */
export function sumScores(scores: ParseScore[]): ParseScore {
  const total: ParseScore = {
    articles: 0,
    found: 0,
    titles: 0,
    notMerged: 0,
    districts: 0,
    dates: 0,
    wrongYears: 0,
    extra: 0,
  };
  for (const s of scores) for (const k of Object.keys(total) as (keyof ParseScore)[]) total[k] += s[k];
  return total;
}

/** One line of figures: "found 41/48 · titles 38/48 · …". */
export function formatScore(s: ParseScore): string {
  const of = (x: number) => `${x}/${s.articles}`;
  return `found ${of(s.found)} · titles ${of(s.titles)} · not merged ${of(s.notMerged)} · districts ${of(s.districts)} · dates ${of(s.dates)} · wrong years ${s.wrongYears} · extra ${s.extra}`;
}

/** Options of `evalParse`. */
export interface EvalParseOptions {
  /** Page files kept out of tuning: scored and summed apart. */
  heldOut?: string[];
  /** Parses one page file (path) the way ingest would; default `parsePage` with the file name. */
  parse: (file: string, text: string) => (ParsedArticle & { titleDerived?: boolean })[];
}

/** Result of `evalParse`: per page, and summed over the tuning and the held-out pages. */
export interface EvalParseResult {
  pages: PageCheck[];
  tuning: ParseScore;
  heldOut: ParseScore;
  total: ParseScore;
}

/**
 * Scores the pages of `expected` (page file name → expected page), reading
 * each page's text with `read` and parsing it with `opts.parse`.
 */
export function evalParse(
  expected: Record<string, ExpectedPage>,
  read: (page: string) => string,
  opts: EvalParseOptions,
): EvalParseResult {
  const held = new Set(opts.heldOut ?? []);
  const pages = Object.entries(expected).map(([page, exp]) =>
    checkPage(page, opts.parse(page, read(page)), exp, held.has(page)),
  );
  return {
    pages,
    tuning: sumScores(pages.filter((p) => !p.heldOut).map((p) => p.score)),
    heldOut: sumScores(pages.filter((p) => p.heldOut).map((p) => p.score)),
    total: sumScores(pages.map((p) => p.score)),
  };
}
