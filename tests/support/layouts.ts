import { prng as rng } from "../../bench/corpus.js";
import type { ExpectedPage } from "../../src/ingest/eval.js";

/**
 * Page layouts of county and district papers, as renderers: real article
 * texts (title, paragraphs) laid out the way the dev pages print them, so
 * that the parser can be scored on text nobody tuned it on. Each layout is
 * one trait the parser must handle (narrow columns that wrap inside words
 * and numbers, blank lines inside sentences, headlines printed after the
 * body, no headlines at all, "# " headings, a letter-spaced banner, photo
 * captions, bylines at the top or the bottom). Deterministic: the same
 * input gives the same page.
 */

/** One article to lay out: its headline and paragraphs (dateline not included). */
export interface LayoutArticle {
  title: string;
  paras: string[];
  /** The event date as printed in the lead ("3月27日"), when it has one. */
  dateText?: string;
}

/** A page and what the parser should find on it. */
export interface RenderedPage {
  text: string;
  expected: ExpectedPage;
}

/** Made-up reporters' names for bylines (two or three characters, common surnames). */
const REPORTERS = ["王丽", "李建华", "张明", "刘洋", "陈静", "杨帆", "赵磊", "黄晓燕", "周强", "吴芳"];

/** Datelines a local paper prints before the lead, with the byline they carry. */
const DATELINES: ((r: string) => string)[] = [
  (r) => `本报讯（记者 ${r}）`,
  () => "本报讯 ",
  (r) => `本报讯（通讯员 ${r}）`,
  () => "融媒体中心讯 ",
  () => "",
];

/** Byline lines printed above the body (none half the time). */
const TOP_BYLINES: ((r: string, r2: string) => string | undefined)[] = [
  () => undefined,
  () => undefined,
  (r) => `本报记者 ${r}`,
  (r, r2) => `记者 ${r} 通讯员 ${r2}`,
  (r) => `□记者 ${r}`,
  (r) => `文/图 ${r}`,
];
/** Byline lines printed under the body (none half the time). */
const BOTTOM_BYLINES: ((r: string, r2: string) => string | undefined)[] = [
  () => undefined,
  () => undefined,
  (r, r2) => `（${r} ${r2}）`,
  (r) => `（通讯员 ${r}）`,
  (r, r2) => `（${r} 文/${r2} 图）`,
  (r) => r,
];

/** Cuts a paragraph into lines of `width` characters (numbers and names are cut too, as printed). */
function wrap(p: string, width: number): string[] {
  const chars = [...p];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(""));
  return out;
}

/** A lead that opens with its date. */
const LEAD_DATE = /^\d{1,2}月\d{1,2}日，/;

/** Options of a layout. */
export interface LayoutOptions {
  seed: number;
}

type Renderer = (arts: LayoutArticle[], opts: LayoutOptions) => string;

function lead(a: LayoutArticle, i: number, pick: () => number): string {
  const dl = DATELINES[Math.floor(pick() * DATELINES.length)] ?? DATELINES[0];
  const r = REPORTERS[(i * 3 + Math.floor(pick() * REPORTERS.length)) % REPORTERS.length] ?? "王丽";
  return `${dl?.(r) ?? ""}${a.paras[0] ?? ""}`;
}

/** A reporter's name, picked at random. */
function reporter(pick: () => number): string {
  return REPORTERS[Math.floor(pick() * REPORTERS.length)] ?? "王丽";
}

/** The article's paragraphs as printed, the first one with its dateline. */
function paragraphs(a: LayoutArticle, i: number, pick: () => number): string[] {
  return [lead(a, i, pick), ...a.paras.slice(1)];
}

/** Headline, blank line, paragraphs separated by blank lines. */
const clean: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  return arts
    .map((a, i) => [a.title, "", lead(a, i, pick), ...a.paras.slice(1).flatMap((p) => ["", p])].join("\n"))
    .join("\n\n\n");
};

/** Narrow columns of 14–18 characters; now and then a blank line inside a sentence (a column break). */
const columns: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  const width = 14 + Math.floor(pick() * 5);
  const page = ["县 域 新 闻", ""];
  for (const [i, a] of arts.entries()) {
    page.push(...(pick() < 0.5 ? wrap(a.title, width) : [a.title]), "");
    const r = REPORTERS[(i + 1) % REPORTERS.length] ?? "王丽";
    const r2 = REPORTERS[(i + 4) % REPORTERS.length] ?? "张明";
    const top = TOP_BYLINES[Math.floor(pick() * TOP_BYLINES.length)]?.(r, r2);
    if (top) page.push(top, "");
    const paras = [top ? (a.paras[0] ?? "") : lead(a, i, pick), ...a.paras.slice(1)];
    for (const p of paras) {
      const lines = wrap(p, width);
      for (const [k, l] of lines.entries()) {
        page.push(l);
        if (k > 0 && k < lines.length - 1 && pick() < 0.08) page.push("");
      }
      page.push("");
    }
    const bottom = BOTTOM_BYLINES[Math.floor(pick() * BOTTOM_BYLINES.length)]?.(r, r2);
    if (bottom) page.push(bottom, "");
    page.push("");
  }
  return page.join("\n");
};

/** The body first (dateline, paragraphs), then a byline line "（王丽）", then the headline. */
const titleAfter: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  const width = 15;
  return arts
    .map((a, i) => {
      const paras = paragraphs(a, i, pick).map((p) => wrap(p, width).join("\n"));
      const r = reporter(pick);
      return [...paras.flatMap((p) => [p, ""]), `（${r}）`, a.title].join("\n");
    })
    .join("\n\n\n");
};

/** "# " headings, a reporter line above the body, the odd photo caption between articles. */
const hashed: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  return arts
    .map((a, i) => {
      const r = reporter(pick);
      const caption = i > 0 && pick() < 0.3 ? [`图为${a.title.slice(0, 6)}现场。${r} 摄`, ""] : [];
      const parts = [...caption, `# ${a.title}`, "", `记者 ${r}`, "", ...a.paras.flatMap((p) => [p, ""])];
      return parts.join("\n");
    })
    .join("\n\n");
};

/**
 * Both orders on one page, article by article: some headlines above their
 * body, some after it (below a byline line), narrow columns.
 */
const mixed: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  const width = 16;
  return arts
    .map((a, i) => {
      const paras = paragraphs(a, i, pick).map((p) => wrap(p, width).join("\n"));
      const body = paras.flatMap((p) => [p, ""]);
      if (pick() < 0.5) return [a.title, "", ...body].join("\n");
      const r = reporter(pick);
      return [...body, `（${r}）`, a.title].join("\n");
    })
    .join("\n\n\n");
};

/** Kickers (引题) a county paper prints above a headline: page furniture, no article's words. */
const KICKERS = ["聚焦高质量发展", "奋进新征程 建功新时代", "一线见闻", "凝心聚力抓落实"];

/**
 * Kicker + headline + subtitle stacks: a kicker line above the headline now
 * and then, a headline over 14 characters wrapped onto two lines, a
 * "——" subtitle under it now and then.
 */
const stacked: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  return arts
    .map((a, i) => {
      const t = [...a.title];
      const half = Math.ceil(t.length / 2);
      const head = t.length > 14 ? [t.slice(0, half).join(""), t.slice(half).join("")] : [a.title];
      const kicker = pick() < 0.5 ? [KICKERS[Math.floor(pick() * KICKERS.length)] ?? "一线见闻"] : [];
      const sub = pick() < 0.4 ? ["——记者蹲点基层见闻"] : [];
      const body = [lead(a, i, pick), ...a.paras.slice(1).flatMap((p) => ["", p])];
      return [...kicker, ...head, ...sub, "", ...body].join("\n");
    })
    .join("\n\n\n");
};

/** No headlines at all: every article opens with its dateline ("本报讯", "…讯", "…日电") or a leading date. */
const noHeadlines: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  return arts
    .map((a, i) => {
      const r = REPORTERS[i % REPORTERS.length] ?? "王丽";
      const day = `${1 + Math.floor(pick() * 12)}月${1 + Math.floor(pick() * 28)}日`;
      const forms = ["本报讯 ", `融媒体中心讯（记者 ${r}）`, `新华社郑州${day}电（记者 ${r}）`, "映象网讯 "];
      // A lead opening with its date ("3月5日，…", see `renderPage`) needs no dateline.
      const dl = LEAD_DATE.test(a.paras[0] ?? "") ? "" : (forms[Math.floor(pick() * forms.length)] ?? "本报讯 ");
      return [`${dl}${a.paras[0] ?? ""}`, ...a.paras.slice(1)].join("\n\n");
    })
    .join("\n\n");
};

/** OCR output: digits printed full width, a line now and then letter-spaced, narrow columns. */
const spaced: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  const wide = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return arts
    .map((a, i) => {
      const paras = paragraphs(a, i, pick).map((p) =>
        wrap(wide(p), 17)
          .map((l) => (pick() < 0.15 ? [...l].join(" ") : l))
          .join("\n"),
      );
      return [a.title, "", ...paras.flatMap((p) => [p, ""])].join("\n");
    })
    .join("\n\n\n");
};

/**
 * A plain-text export: no blank lines inside an article, each paragraph on
 * one line indented with two ideographic spaces, the headline right above
 * the dateline, one blank line between articles.
 */
const indented: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  return arts
    .map((a, i) => [a.title, ...paragraphs(a, i, pick).map((p) => `\u3000\u3000${p}`)].join("\n"))
    .join("\n\n");
};

/**
 * Narrow columns with no blank lines at all: the headline wrapped at the
 * column width like the body, paragraphs starting on a new indented line.
 */
const dense: Renderer = (arts, { seed }) => {
  const pick = rng(seed);
  const width = 15 + Math.floor(pick() * 3);
  return arts
    .map((a, i) => {
      const head = wrap(a.title, width);
      const body = paragraphs(a, i, pick).flatMap((p) => wrap(`\u3000\u3000${p}`, width));
      return [...head, ...body].join("\n");
    })
    .join("\n\n");
};

/** The layouts, by name, in the order they are reported. */
export const LAYOUTS: Record<string, Renderer> = {
  clean,
  columns,
  titleAfter,
  mixed,
  hashed,
  stacked,
  noHeadlines,
  spaced,
  indented,
  dense,
};

/** Layouts that print no headline: the parser must derive one (expected title null). */
const UNTITLED = new Set(["noHeadlines"]);

/**
 * Lays out `arts` as one page in `layout`, with the expected articles (exact
 * titles, first characters of each body as printed, no district or date
 * expected: the renderer does not know them).
 */
export function renderPage(layout: string, arts: LayoutArticle[], opts: LayoutOptions): RenderedPage {
  const render = LAYOUTS[layout];
  if (!render) throw new Error(`unknown layout ${layout}; known: ${Object.keys(LAYOUTS).join(", ")}`);
  if (UNTITLED.has(layout)) {
    // Every third article of a page without headlines opens with its date instead of a dateline.
    arts = arts.map((a, i) =>
      i % 3 === 2
        ? { ...a, paras: [`${1 + (i % 12)}月${1 + ((i * 7) % 28)}日，${a.paras[0] ?? ""}`, ...a.paras.slice(1)] }
        : a,
    );
  }
  return {
    text: render(arts, opts),
    expected: {
      layout,
      articles: arts.map((a) => ({
        title: UNTITLED.has(layout) ? null : a.title,
        district: null,
        date: null,
        first: (a.paras[0] ?? "").slice(0, 16),
      })),
    },
  };
}
