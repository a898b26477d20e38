import type { Headline, Item } from "./classify.js";
import { pickMain } from "./classify.js";
import { DATELINE_START } from "./dateline.js";
import { namesPlace } from "./district.js";
import { endsSentence } from "./text.js";

/** An article being put together from a page's items. */
export interface Draft {
  /** Null until a headline is found (photo news and orphan bodies get one derived later). */
  title: string | null;
  subtitle: string | null;
  paras: string[];
  bylines: string[];
  /** Photographers of the article's pictures. */
  credits: string[];
  /** Photo news: the article is a long photo caption. */
  photo: boolean;
  /** The headline's printed lines when it was read as one wrapped headline (see `Headline.lines`). */
  headLines?: string[];
}

/** Drafts of one page under one layout, and how many pieces it could not pair. */
export interface Assembly {
  drafts: Draft[];
  /** Headlines without a body plus bodies without a headline: lower is a better fit. */
  orphans: number;
}

type HeadingItem = Extract<Item, { kind: "heading" }>;

function draft(h: Headline | null): Draft {
  return {
    title: h?.main ?? null,
    subtitle: h?.sub ?? null,
    paras: [],
    bylines: [],
    credits: [],
    photo: false,
    ...(h?.lines ? { headLines: h.lines } : {}),
  };
}

/**
 * Bare name lines ("樊玉峰 牛婷婷") are a short headline when a body follows
 * them, a byline otherwise.
 */
export function resolveNames(items: Item[]): Item[] {
  const out: Item[] = [];
  items.forEach((it, i) => {
    if (it.kind !== "names") {
      out.push(it);
      return;
    }
    const next = items.slice(i + 1).find((n) => n.kind !== "noise");
    const heads = next?.kind === "body" || (next?.kind === "caption" && next.long);
    out.push(
      heads ? { kind: "heading", markdown: false, main: it.text, sub: null } : { kind: "byline", text: it.text },
    );
  });
  return out;
}

/** Generic words of meeting news: no evidence that a headline belongs to a body. */
const GENERIC = new Set("工作 会议 召开 举行 开展 全县 全区 全市 领导 活动".split(" "));

function bigrams(text: string): Set<string> {
  const s = text.replace(/[^\u4e00-\u9fff\d]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) {
    const w = s.slice(i, i + 2);
    if (!GENERIC.has(w)) out.add(w);
  }
  return out;
}

/**
 * How much of `headline` the `text` says: the share of the headline's
 * word pairs (generic meeting words left out) found in the text, 0–1.
 */
export function headlineEvidence(headline: string, text: string): number {
  const h = bigrams(headline);
  if (h.size === 0) return 0;
  const t = bigrams(text);
  let n = 0;
  for (const w of h) if (t.has(w)) n++;
  return n / h.size;
}

/** A lead that opens an article by itself: a dateline ("本报讯", "映象网讯", "…日电") or a date ("10月16日，…"). */
const LEADING_DATE = /^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:[至到—－~-]\d{1,2}日)?[上下中]?[午晚]?[，,\s]/;

/** Whether a paragraph opens an article: a dateline, or (on a page without headlines) a leading date. */
export function opensArticle(para: string, noHeadlines: boolean): boolean {
  return DATELINE_START.test(para) || (noHeadlines && LEADING_DATE.test(para));
}

/**
 * Whether a paragraph goes on with a sentence begun above it (a column cut
 * "…佐科举" / "行会谈。"): it opens no article and its first clause, up to
 * the first punctuation, is too short to be a sentence of its own.
 */
function continuesSentence(para: string): boolean {
  if (opensArticle(para, true)) return false;
  const clause = para.split(/[，,。；;：:！？]/)[0] ?? "";
  return clause.length <= 6 && clause.length < para.length;
}

/** Share of a headline's word pairs the lead of its article must say to be printed after that body. */
const TRAILING_EVIDENCE = 0.5;
/**
 * Below that share, a headline printed after a body still belongs to it when
 * the body's lead says at least this share of it and clearly more
 * (`RIVAL_MARGIN` times) than the lead of the body that follows: a headline
 * summarises its own article better than its neighbour's.
 */
const RIVAL_EVIDENCE = 0.2;
const RIVAL_MARGIN = 2;

/**
 * Whether a short line between two paragraphs is a photo caption of the
 * article around it, not the next article's headline: the two paragraphs
 * together say half of it, and the one before says at least half as much as
 * the one after (a headline speaks of what follows only: "习近平会见李家超"
 * over "国家主席习近平…会见了…李家超").
 */
function isCaptionBetween(line: string, before: string, after: string): boolean {
  if (headlineEvidence(line, `${before}${after}`) < 0.5) return false;
  return headlineEvidence(line, before) * 2 >= headlineEvidence(line, after);
}

/**
 * The page's usual gap between two body blocks in a row (the median of
 * their blank lines above): a wider one parts articles.
 */
function typicalGap(items: Item[]): number {
  const gaps: number[] = [];
  items.forEach((it, i) => {
    if (it.kind === "body" && items[i - 1]?.kind === "body") gaps.push(it.gapBefore ?? 0);
  });
  if (!gaps.length) return Number.POSITIVE_INFINITY;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

/** How much of `headline` the lead of the next body after `items[i]` says (0 when none follows). */
function nextLeadEvidence(items: Item[], i: number, headline: string): number {
  for (let k = i + 1; k < items.length; k++) {
    const it = items[k];
    if (it?.kind === "body") return headlineEvidence(headline, `${it.paras[0] ?? ""}${it.paras[1] ?? ""}`);
    if (it?.kind === "heading") return 0;
  }
  return 0;
}

/**
 * Where the body of a headline printed after it starts: among the paragraphs
 * of the run of bodies before it (back to the previous headline), the lead
 * (a dateline, a leading date, or the run's start) that says the most of it.
 * Returns the item and paragraph index in `out`, or null when no lead says
 * enough of it.
 */
function leadOf(
  out: Item[],
  headline: string,
  rival: number,
  titleAfterPage: boolean,
  paragraphGap: number,
): { item: number; para: number; atRunStart: boolean; strong: boolean } | null {
  let end = out.length;
  while (end > 0 && out[end - 1]?.kind === "byline") end--;
  let first = end;
  while (first > 0 && out[first - 1]?.kind === "body") first--;
  let best: { item: number; para: number; score: number } | null = null;
  for (let i = first; i < end; i++) {
    const { paras, gapBefore: gap = 0 } = out[i] as Extract<Item, { kind: "body" }>;
    paras.forEach((p, j) => {
      // A run's start, a dateline, a leading date, or a block set off by a wider gap than paragraphs are.
      const start = (i === first || gap > paragraphGap) && j === 0;
      if (!start && !DATELINE_START.test(p) && !LEADING_DATE.test(p)) return;
      const score = headlineEvidence(headline, `${p}${paras[j + 1] ?? ""}`);
      if (!best || score >= best.score) best = { item: i, para: j, score };
    });
  }
  const b = best as { item: number; para: number; score: number } | null;
  if (!b) return null;
  const strong = b.score >= TRAILING_EVIDENCE || (b.score >= RIVAL_EVIDENCE && b.score > RIVAL_MARGIN * rival);
  // On a page that prints its headlines after the body, the page's habit settles a close call,
  // also one where neither lead says any of it.
  const habit = titleAfterPage && b.score >= rival;
  if (!strong && !habit) return null;
  return { item: b.item, para: b.para, atRunStart: b.item === first && b.para === 0, strong };
}

/**
 * Settles the headline candidates printed as the last line of a body block
 * (a page that prints headlines after their body, for some articles or all):
 * decided per article by the evidence, the lead that says most of it
 * (`leadOf`). The headline is then moved before that lead, so that every
 * article reads headline first; without such a lead it is a body paragraph
 * again. Short headline lines between two paragraphs of one article that the
 * paragraphs around them already say ("开工仪式现场") are photo captions and
 * dropped.
 */
export function settleHeadlines(items: Item[]): Item[] {
  const gap = typicalGap(items);
  const first = settleOnce(items, false, gap);
  return first.after > first.before ? settleOnce(items, true, gap).out : first.out;
}

/**
 * One pass of `settleHeadlines`; counts the headlines the evidence clearly
 * put after their body (`after`) and the trailing candidates that clearly
 * head the next body (`before`). With `titleAfterPage` (the page's clear
 * cases print the headline last), a close call goes the page's way;
 * `paragraphGap` is the page's usual gap between paragraphs (`typicalGap`).
 */
function settleOnce(
  input: Item[],
  titleAfterPage: boolean,
  paragraphGap: number,
): { out: Item[]; after: number; before: number } {
  // Bodies are copied: a pass moves paragraphs between them.
  const items = input.map((it) => (it.kind === "body" ? { ...it, paras: [...it.paras] } : it));
  const out: Item[] = [];
  let after = 0;
  let before = 0;
  items.forEach((it, i) => {
    if (it.kind !== "heading" || it.markdown) {
      out.push(it);
      return;
    }
    const prev = out[out.length - 1];
    if (it.trailing) {
      const heading: Item = {
        kind: "heading",
        markdown: false,
        main: it.main,
        sub: it.sub,
        ...(it.lines ? { lines: it.lines } : {}),
      };
      const rival = nextLeadEvidence(items, i, it.main);
      const lead = leadOf(out, it.main, rival, titleAfterPage, paragraphGap);
      if (lead?.strong) after++;
      else if (rival >= TRAILING_EVIDENCE) before++;
      const above = lead ? out[lead.item - (lead.para === 0 ? 1 : 0)] : undefined;
      if (!lead) {
        if (prev?.kind === "body") prev.paras.push(it.main);
        else out.push(heading);
      } else if (lead.atRunStart && above?.kind === "heading") {
        out.push(heading); // the body already has a headline above it: leave the layout to `assemble`
      } else {
        const body = out[lead.item] as Extract<Item, { kind: "body" }>;
        if (lead.para > 0) {
          out.splice(lead.item + 1, 0, { kind: "body", paras: body.paras.splice(lead.para) });
          out.splice(lead.item + 1, 0, heading);
        } else {
          out.splice(lead.item, 0, heading);
        }
      }
      return;
    }
    const next = items[i + 1];
    if (
      prev?.kind === "body" &&
      next?.kind === "body" &&
      !it.sub &&
      it.main.length <= 10 &&
      !namesPlace(it.main) &&
      !opensArticle(next.paras[0] ?? "", true) &&
      isCaptionBetween(it.main, prev.paras[prev.paras.length - 1] ?? "", next.paras[0] ?? "")
    ) {
      return; // a photo caption inside an article
    }
    out.push(it);
  });
  return { out, after, before };
}

/**
 * Layout 1, headline above its body (most pages). A run of headlines before
 * a body: the last one (with its kicker when one of the pair names no
 * place) titles the body; earlier ones that name a place are articles whose
 * body is not on the page; the rest are page banners and dropped.
 */
export function assembleTitleFirst(items: Item[], noHeadlines = false): Assembly {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let open = false;
  let heads: HeadingItem[] = [];
  let orphans = 0;

  const bodyless = (h: HeadingItem): void => {
    drafts.push(draft(h));
    orphans++;
  };
  const startFromHeads = (): Draft => {
    const last = heads.pop() as HeadingItem;
    let main: Headline = last;
    const prev = heads[heads.length - 1];
    if (prev && !prev.sub && !last.sub && !(namesPlace(prev.main) && namesPlace(last.main))) {
      heads.pop();
      main = pickMain(prev.main, last.main);
    }
    for (const h of heads) if (h.markdown || namesPlace(h.main)) bodyless(h);
    heads = [];
    const d = draft(main);
    drafts.push(d);
    cur = d;
    open = true;
    return d;
  };

  items.forEach((it, i) => {
    switch (it.kind) {
      case "heading": {
        // Headline and byline printed, no body yet: lines with no punctuation cut from the
        // body's first sentence by a column break ("国家主席习近平…在北京" / "" / "行会谈。").
        const next = items[i + 1];
        const waiting = cur !== null && open && (cur as Draft).paras.length === 0 && (cur as Draft).bylines.length > 0;
        const lead = !it.markdown && next?.kind === "body" && !opensArticle(next.paras[0] ?? "", true);
        const cut = lead && continuesSentence(next.paras[0] ?? "");
        const wrapped = (it.lines?.length ?? 1) > 1;
        const text = (it.lines ?? [it.main, it.sub ?? ""]).join("").replace(/\s+/g, "");
        // Under a headline and its byline, such lines, or lines wrapped like a headline, are the lead.
        if (waiting && !heads.length && (cut || (lead && wrapped))) {
          (cur as Draft).paras.push(text);
          break;
        }
        // Inside an article: a line cut out of a sentence by a blank line, between a paragraph that
        // ends no sentence and a block that goes on with it ("…所获得的首" / "" / "…" / "" / "枚金牌。").
        const last = cur !== null && open ? (cur as Draft).paras[(cur as Draft).paras.length - 1] : undefined;
        if (!heads.length && last !== undefined && !endsSentence(last) && cut) {
          (cur as Draft).paras.push(text);
          break;
        }
        // Right under a headline: a wrapped "headline" that the next block goes on with is its lead.
        if (cut && wrapped && heads.length) {
          startFromHeads().paras.push(text);
          break;
        }
        heads.push(it);
        open = false;
        break;
      }
      case "byline": {
        const d = heads.length ? startFromHeads() : cur;
        if (!d) break;
        d.bylines.push(it.text);
        if (d.paras.length) open = false;
        break;
      }
      case "caption":
        if (it.long) {
          const d = heads.length ? startFromHeads() : draft(null);
          if (d.title === null) drafts.push(d);
          d.paras.push(it.caption);
          d.credits.push(it.credit);
          d.photo = true;
          if (d === cur) open = false;
        } else {
          const d = heads.length ? startFromHeads() : cur;
          d?.credits.push(it.credit);
        }
        break;
      case "body": {
        const opens = opensArticle(it.paras[0] ?? "", noHeadlines) && (cur?.paras.length ?? 0) > 0;
        let d: Draft | null = heads.length ? startFromHeads() : open && !opens ? cur : null;
        if (!d) {
          d = draft(null);
          drafts.push(d);
          cur = d;
          open = true;
          orphans++;
        }
        d.paras.push(...it.paras);
        break;
      }
      default:
        break;
    }
  });
  for (const h of heads) bodyless(h);
  return { drafts, orphans };
}

/**
 * Layout 2, headline below its body (004: "本报讯…", the body, the byline
 * "（孟轩）", then the headline). A headline right after another one that
 * titled a body is its kicker or deck when one of the two names no place.
 */
export function assembleTitleAfter(items: Item[], noHeadlines = false): Assembly {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let closed = false;
  let justTitled: Draft | null = null;
  let orphans = 0;

  for (const it of items) {
    const titled = justTitled;
    justTitled = null;
    switch (it.kind) {
      case "body":
        if (
          !cur ||
          cur.title !== null ||
          closed ||
          (opensArticle(it.paras[0] ?? "", noHeadlines) && cur.paras.length)
        ) {
          cur = draft(null);
          drafts.push(cur);
          closed = false;
        }
        cur.paras.push(...it.paras);
        break;
      case "byline":
        if (cur) {
          cur.bylines.push(it.text);
          if (cur.title === null) closed = true;
        }
        break;
      case "heading":
        if (cur && cur.title === null && cur.paras.length) {
          cur.title = it.main;
          cur.subtitle = it.sub;
          if (it.lines) cur.headLines = it.lines;
          justTitled = cur;
        } else if (titled && !titled.subtitle && !it.sub && !(namesPlace(titled.title ?? "") && namesPlace(it.main))) {
          const h = pickMain(titled.title ?? "", it.main);
          titled.title = h.main;
          titled.subtitle = h.sub;
          delete titled.headLines;
        } else {
          drafts.push(draft(it));
          orphans++;
        }
        break;
      case "caption":
        if (it.long) {
          const d = draft(null);
          d.paras.push(it.caption);
          d.credits.push(it.credit);
          d.photo = true;
          drafts.push(d);
        } else {
          cur?.credits.push(it.credit);
        }
        break;
      default:
        break;
    }
  }
  orphans += drafts.filter((d) => d.title === null && !d.photo).length;
  return { drafts, orphans };
}

/**
 * The page's articles under the layout that leaves fewer headlines without
 * a body and bodies without a headline; headline-first on a tie.
 */
export function assemble(items: Item[]): Assembly {
  const resolved = settleHeadlines(resolveNames(items));
  const noHeadlines = !resolved.some((i) => i.kind === "heading");
  const first = assembleTitleFirst(resolved, noHeadlines);
  const after = assembleTitleAfter(resolved, noHeadlines);
  return after.orphans < first.orphans ? after : first;
}
