import type { Headline, Item } from "./classify.js";
import { pickMain } from "./classify.js";
import { namesPlace } from "./district.js";

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
}

/** Drafts of one page under one layout, and how many pieces it could not pair. */
export interface Assembly {
  drafts: Draft[];
  /** Headlines without a body plus bodies without a headline: lower is a better fit. */
  orphans: number;
}

type HeadingItem = Extract<Item, { kind: "heading" }>;

function draft(h: Headline | null): Draft {
  return { title: h?.main ?? null, subtitle: h?.sub ?? null, paras: [], bylines: [], credits: [], photo: false };
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

/**
 * Layout 1, headline above its body (most pages). A run of headlines before
 * a body: the last one (with its kicker when one of the pair names no
 * place) titles the body; earlier ones that name a place are articles whose
 * body is not on the page; the rest are page banners and dropped.
 */
export function assembleTitleFirst(items: Item[]): Assembly {
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

  for (const it of items) {
    switch (it.kind) {
      case "heading":
        heads.push(it);
        open = false;
        break;
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
        let d: Draft | null = heads.length ? startFromHeads() : open ? cur : null;
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
  }
  for (const h of heads) bodyless(h);
  return { drafts, orphans };
}

/**
 * Layout 2, headline below its body (004: "本报讯…", the body, the byline
 * "（孟轩）", then the headline). A headline right after another one that
 * titled a body is its kicker or deck when one of the two names no place.
 */
export function assembleTitleAfter(items: Item[]): Assembly {
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
        if (!cur || cur.title !== null || closed) {
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
          justTitled = cur;
        } else if (titled && !titled.subtitle && !it.sub && !(namesPlace(titled.title ?? "") && namesPlace(it.main))) {
          const h = pickMain(titled.title ?? "", it.main);
          titled.title = h.main;
          titled.subtitle = h.sub;
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
  const resolved = resolveNames(items);
  const first = assembleTitleFirst(resolved);
  const after = assembleTitleAfter(resolved);
  return after.orphans < first.orphans ? after : first;
}
