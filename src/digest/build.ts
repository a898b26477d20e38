import { normalizeQuery } from "../core/normalize.js";
import type { Article, Digest, DigestItem } from "../core/types.js";
import { districtForms } from "../core/zh/districts.js";
import type { ArticleStore } from "../store/articles.js";
import { daysBetween, resolveDigestDay, unknownDistrictMessage } from "./dates.js";
import { extractiveSummarizer, type Summarizer } from "./summarize.js";

/** Options of `buildDigest`. */
export interface BuildDigestOptions {
  /** The day: raw user text ("昨天", "3月27日") or YYYY-MM-DD. Absent: the most recent day with news. */
  date?: string;
  /** Only this district ("孟州市", also "孟州"). */
  district?: string;
  /** "Now", for 今天/昨天 and year inference (default: the current time). */
  now?: Date;
  /** Time zone of "today". */
  timezone: string;
  /** Summary of each item (default: extractive). */
  summarize?: Summarizer;
}

/** What `buildDigest` returns: a digest, or a Chinese message and the nearest days that have news. */
export type DigestResult = { ok: true; digest: Digest } | { ok: false; message: string; nearestDays: string[] };

/** Districts with a suffix: 孟州市 → 孟州. */
const SUFFIX = /(?:区|县|市|旗|镇|街道)$/;

/**
 * The stored district the user means by `input`: an exact name, the name
 * without its suffix ("孟州" → "孟州市"), a short form of core/zh's
 * districtForms ("管城区" → "管城回族区"), or traditional characters. Returns
 * undefined when none matches.
 */
export function resolveDistrict(input: string, known: string[]): string | undefined {
  const q = normalizeQuery(input).replace(/\s+/g, "");
  if (!q) return undefined;
  const exact = known.find((d) => d === q);
  if (exact) return exact;
  const stem = q.replace(SUFFIX, "");
  const matches = known.filter(
    (d) => d.replace(SUFFIX, "") === stem || districtForms(d).some((f) => f === q || f === stem),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every district the store knows (main districts of articles), most articles first. */
export function knownDistricts(store: ArticleStore): string[] {
  return store
    .districts()
    .map((d) => d.district)
    .filter((d) => d !== "");
}

/**
 * The days (YYYY-MM-DD) with news nearest to `day`, up to `limit`, in
 * calendar order: what a "no news that day" message suggests. The closest
 * day before and the closest day after are always among them (when they
 * exist), the rest are the closest by distance.
 */
export function nearestDays(days: string[], day: string, limit = 3): string[] {
  const byDistance = [...new Set(days)].sort(
    (a, b) => Math.abs(daysBetween(day, a)) - Math.abs(daysBetween(day, b)) || a.localeCompare(b),
  );
  const before = byDistance.find((d) => d < day);
  const after = byDistance.find((d) => d > day);
  const picked = [...new Set([before, after, ...byDistance].filter((d): d is string => d !== undefined))];
  return picked.slice(0, limit).sort();
}

/** Removes reprints: an article whose title (spaces ignored) was already listed. Keeps the first, in page order. */
export function dedupeByTitle(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => {
    const key = `${a.district ?? ""}|${a.title.replace(/\s+/g, "")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Orders articles into district groups: groups in order of their first
 * article, articles in page order within a group, articles without a
 * district last.
 */
export function groupByDistrict(articles: Article[]): Article[] {
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    const key = a.district ?? "\u0000none";
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const none = groups.get("\u0000none") ?? [];
  groups.delete("\u0000none");
  return [...[...groups.values()].flat(), ...none];
}

/**
 * Summarizes `articles` into digest items, a few at a time (an LLM
 * summarizer is slow; the extractive one is instant).
 */
export async function toDigestItems(
  articles: Article[],
  summarize: Summarizer = extractiveSummarizer,
  concurrency = 4,
) {
  const items: DigestItem[] = new Array(articles.length);
  let next = 0;
  const worker = async () => {
    while (next < articles.length) {
      const i = next++;
      const a = articles[i] as Article;
      const summary = (await summarize(a)).trim();
      items[i] = {
        articleId: a.id,
        title: a.title,
        district: a.district,
        date: a.date,
        summary: summary || a.title,
        source: a.source,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, articles.length) }, worker));
  return items;
}

/**
 * Builds the digest of one day: the articles dated that day (the article
 * date found at ingest), optionally of one district, grouped by district in
 * page order, each with a summary. Without a date: the most recent day with
 * news (for that district). When the year was not given ("3月27日") and that
 * day of the current year has no news, the most recent year whose same day
 * has news is used: the digest then says which year. A day without news, an
 * invalid date or an unknown district give a Chinese message; a day without
 * news also gives the nearest days that have some.
 */
export async function buildDigest(store: ArticleStore, opts: BuildDigestOptions): Promise<DigestResult> {
  const now = opts.now ?? new Date();
  let district: string | null = null;
  if (opts.district !== undefined && opts.district.trim() !== "") {
    const known = knownDistricts(store);
    const resolved = resolveDistrict(opts.district, known);
    if (!resolved) return { ok: false, message: unknownDistrictMessage(opts.district, known), nearestDays: [] };
    district = resolved;
  }
  const where = district ? `${district}` : "";
  const days = store.days(district ?? undefined).map((d) => d.date);
  if (days.length === 0) {
    return {
      ok: false,
      message: district ? `${district}还没有注明日期的新闻。` : "还没有任何注明日期的新闻，请先导入公报。",
      nearestDays: [],
    };
  }

  let date: string;
  if (opts.date === undefined || opts.date.trim() === "") {
    date = days[0] as string;
  } else {
    const parsed = resolveDigestDay(opts.date, now, opts.timezone, days);
    if (!parsed.ok) return { ok: false, message: parsed.message, nearestDays: [] };
    date = parsed.date;
  }

  const articles = dedupeByTitle(store.list({ date, ...(district ? { district } : {}) }));
  if (articles.length === 0) {
    const near = nearestDays(days, date);
    return {
      ok: false,
      message: `${date} 没有${where}新闻。最近有${where}新闻的日期：${near.join("、")}。`,
      nearestDays: near,
    };
  }
  const items = await toDigestItems(groupByDistrict(articles), opts.summarize);
  return { ok: true, digest: { date, district, items } };
}
