import * as OpenCC from "opencc-js/t2cn";
import type { ParsedArticle } from "../core/types.js";
import { assemble, type Draft } from "./assemble.js";
import { splitBlocks } from "./blocks.js";
import { classifyBlock, type Item } from "./classify.js";
import { splitDateline } from "./dateline.js";
import { dateFromFileName, findEventDate, ownYear, resolveDate, yearContext } from "./dates.js";
import { articleDistricts, canonicalDistrict, cityOf, pageDistrict, shortNameDistrict } from "./district.js";
import { reattachFragments } from "./fragments.js";
import { separateKicker } from "./kicker.js";
import { findRepeatedParagraphs } from "./repeated.js";
import { cjkCount, endsSentence } from "./text.js";
import { townDistrict } from "./towns.js";

/** Options of `parsePage`. */
export interface ParsePageOptions {
  /** File name: a YYYY-MM-DD in it is the issue date when `issueDate` is not given. */
  source?: string;
  /** Issue date YYYY-MM-DD: gives the year of dates printed without one. */
  issueDate?: string;
  /** The ingest clock: years after its year are targets, never a page's year. Default: now. */
  now?: Date;
  /**
   * District of the articles that name none (`ingest --district`, a folder's
   * `sources.json` or the folder's name): a county paper rarely names its own county.
   */
  district?: string;
}

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * Traditional-character pages (Big5 papers) are converted to simplified, so
 * that they meet simplified questions; a simplified page is left untouched
 * (converting it anyway could change a name's character).
 */
export function simplifyIfTraditional(text: string): string {
  const converted = toSimplified(text);
  if (converted === text) return text;
  let changed = 0;
  const a = [...text];
  const b = [...converted];
  if (a.length !== b.length) return text;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  return changed > Math.max(3, cjkCount(text) * 0.02) ? converted : text;
}

/** Joins paragraphs cut by a column break: one that does not end a sentence continues in the next. */
export function joinColumnBreaks(paras: string[]): string[] {
  const out: string[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !endsSentence(prev)) out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}

/** A date or time that opens a lead ("1月28日，", "4月3日上午，"): no part of a derived title. */
const LEAD_DATE =
  /^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:[至到—－~-]\d{1,2}日)?(?:上午|下午|晚上|晚间|晚|中午|早上)?(?:\d{1,2}[时点](?:\d{1,2}分)?)?[，,\s]*/;
/** A clause that tells what happened ("…召开…会议", "…举行…仪式"): the best derived title. */
const EVENT_CLAUSE = /召开|举行|举办|开展|启动|主持|调研|视察|督导|检查|观摩|慰问|签约|开工|部署|召集|走访|推进/;
/** Opening and closing brackets and quotes: a clause is never cut inside them ("《以史为鉴、开创未来，埋头苦干》"). */
const OPEN = "《“（(「【";
const CLOSE = "》”）)」】";

/** A sentence's clauses, cut at ，；, not inside brackets or quotes. */
function splitOutsideBrackets(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of sentence) {
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，,；;]/.test(c)) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Longest derived title, in characters: longer leads are cut at a clause, else shortened with "…". */
const DERIVED_MAX = 30;

/**
 * A headline for photo news or a body whose headline is not on the page,
 * taken from its own first sentence, without a leading date: its first
 * clause telling what happened ("…召开…会议") when it has several, else its
 * last clause when the sentence is long ("为…，3月26日，山阳区商务局在焦辉路…开展了安全演练观摩活动。" →
 * "山阳区商务局在焦辉路…开展了安全演练观摩活动"), cut to at most 30
 * characters. Nothing is made up; never empty.
 */
export function deriveTitle(paras: string[]): string {
  const text = paras.join("").replace(/^[\s\p{P}\p{S}]+/u, "");
  const first = text.split(/(?<=[。！？!?])/)[0] ?? "";
  const sentence = first
    .replace(/[。！？!?]$/, "")
    .replace(LEAD_DATE, "")
    .trim();
  const clauses = splitOutsideBrackets(sentence).map((c) => c.trim());
  const last = clauses[clauses.length - 1] ?? "";
  const event = clauses.find((c) => c.length >= 6 && EVENT_CLAUSE.test(c));
  let title = clauses.length > 1 && event ? event : sentence.length > DERIVED_MAX && last.length >= 8 ? last : sentence;
  if (title.length > DERIVED_MAX) title = `${title.slice(0, DERIVED_MAX - 1)}…`;
  return title === "" ? "（无标题）" : title;
}

interface Finished {
  draft: Draft;
  paras: string[];
  byline: string | null;
  datelineDate: string | null;
  /** The dateline as printed ("云上通城讯"): its source often names the county. */
  dateline: string;
}

function finish(d: Draft): Finished {
  let paras = joinColumnBreaks(d.paras.filter((p) => p.trim() !== ""));
  let byline: string | null = null;
  let datelineDate: string | null = null;
  let dateline = "";
  if (paras[0] !== undefined) {
    const split = splitDateline(paras[0]);
    byline = split.byline;
    datelineDate = split.dateText;
    dateline = paras[0].slice(0, paras[0].length - split.rest.length);
    paras = split.rest ? [split.rest, ...paras.slice(1)] : paras.slice(1);
  }
  if (d.headLines) {
    const split = separateKicker(d.headLines, `${paras[0] ?? ""}${paras[1] ?? ""}`);
    if (split) {
      d.title = split.main;
      d.subtitle = [split.sub, d.subtitle].filter(Boolean).join(" ");
    }
  }
  const credits = d.credits.map((c) => `${c} 摄`);
  const all = [byline, ...d.bylines, ...credits].filter((b): b is string => !!b);
  const unique = all.filter((b, i) => all.indexOf(b) === i);
  return { draft: d, paras, byline: unique.length ? unique.join(" ") : null, datelineDate, dateline };
}

/**
 * One bulletin page (decoded text) → its articles, in page order. The
 * pipeline: blocks of lines → what each block is (headline, body, byline,
 * caption, page furniture) → articles under the layout that fits the page
 * (headline above or below the body) → datelines and bylines out of the
 * text, column breaks joined → a body's tail printed under the wrong
 * headline moved back (`reattachFragments`) → district, date (year inferred
 * from the page), repeated paragraphs.
 */
export function parsePage(raw: string, opts: ParsePageOptions = {}): ParsedArticle[] {
  const text = simplifyIfTraditional(raw);
  const items: Item[] = splitBlocks(text).flatMap(classifyBlock);
  const headerDate = items.map((i) => (i.kind === "noise" ? i.issueDate : undefined)).find(Boolean);
  const issueDate = opts.issueDate ?? (opts.source ? dateFromFileName(opts.source) : undefined) ?? headerDate;

  const finished = assemble(items)
    .drafts.map(finish)
    // An untitled scrap with no words (stray punctuation) is no article.
    .filter((f) => f.draft.title !== null || f.paras.join("").replace(/[\s\p{P}\p{S}]/gu, "").length >= 4);
  const hosts = finished
    .filter((f) => f.draft.title !== null && !f.draft.photo)
    .map((f) => ({ f, headline: `${f.draft.title} ${f.draft.subtitle ?? ""}`, paras: f.paras }));
  reattachFragments(hosts);
  for (const h of hosts) h.f.paras = h.paras;
  const pageText = finished.map((f) => [f.draft.title, f.draft.subtitle, ...f.paras].join("\n")).join("\n");
  const ctx = yearContext(pageText, issueDate, (opts.now ?? new Date()).getUTCFullYear());

  const withTitles = finished.map((f) => ({
    ...f,
    title: f.draft.title ?? deriveTitle(f.paras),
    titleDerived: f.draft.title === null,
  }));
  const districts = withTitles.map((f) => {
    const named = articleDistricts(`${f.title} ${f.draft.subtitle ?? ""}`, f.paras.join("\n"));
    if (named.length) return named;
    const text = `${f.title}\n${f.dateline}\n${f.paras.join("\n")}`;
    const found = shortNameDistrict(text) ?? townDistrict(text);
    return found ? [canonicalDistrict(found) ?? found] : [];
  });
  const lent = opts.district ?? pageDistrict(districts.map((d) => d[0] ?? null));
  const repeated = findRepeatedParagraphs(withTitles.map((f) => f.paras));
  const currentYear = (opts.now ?? new Date()).getUTCFullYear();
  const events = withTitles.map((f) => (f.datelineDate ? findEventDate([f.datelineDate]) : findEventDate(f.paras)));
  const own = withTitles.map((f, i) =>
    ownYear(`${f.title}\n${f.draft.subtitle ?? ""}\n${f.paras.join("\n")}`, currentYear, events[i]?.month),
  );
  // The page's year is lent only on a page of one paper (every district it names lies in one
  // city), and only to articles whose district is known: a page gathering several papers'
  // news mixes years.
  const cities = new Set(
    districts.map((d) => (d[0] ? cityOf(d[0]) : undefined)).filter((c): c is string => c !== undefined),
  );
  const pageYear = cities.size === 1 ? ctx.pageYear : undefined;

  return withTitles.map((f, i) => {
    const ev = events[i] ?? null;
    const ds = districts[i] ?? [];
    const district = ds[0] ?? lent;
    return {
      title: f.title,
      ...(f.titleDerived ? { titleDerived: true } : {}),
      subtitle: f.draft.subtitle,
      district,
      districts: ds.length ? ds : district ? [district] : [],
      date: resolveDate(ev, {
        ...(ctx.issueDate ? { issueDate: ctx.issueDate } : {}),
        ...(pageYear !== undefined && district ? { pageYear } : {}),
        ...(own[i] !== undefined ? { ownYear: own[i] } : {}),
      }),
      dateText: ev?.text ?? null,
      byline: f.byline,
      text: f.paras.join("\n"),
      repeatedParagraphs: repeated[i] ?? [],
    };
  });
}
