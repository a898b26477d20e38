import type { Block } from "./blocks.js";
import { DATELINE_START } from "./dateline.js";
import { dateFromHeader } from "./dates.js";
import { namesPlace } from "./district.js";
import { parseByline, splitPhotoCredit } from "./names.js";
import { cjkCount, endsSentence, fixSpacing, unclosed } from "./text.js";

/** A headline: the main line and, when printed, its kicker or deck. */
export interface Headline {
  main: string;
  sub: string | null;
  /**
   * The printed lines when `main` is several lines joined as one wrapped
   * headline: the first may yet prove a kicker once the body is known
   * (`separateKicker`).
   */
  lines?: string[];
}

/** What a block of a page is. */
export type Item =
  /** `trailing`: the last line of a body block (a headline printed after its body, when the evidence agrees). */
  | ({ kind: "heading"; markdown: boolean; trailing?: boolean } & Headline)
  /** Bare names ("樊玉峰 牛婷婷"): a byline, or a short headline if a body follows. */
  | { kind: "names"; text: string }
  | { kind: "byline"; text: string }
  /** A photo caption; `long` ones (sentences) are photo news of their own. */
  | { kind: "caption"; caption: string; credit: string; long: boolean }
  /** `gapBefore`: blank lines above the block (a wider gap than between paragraphs parts articles). */
  | { kind: "body"; paras: string[]; gapBefore?: number }
  | { kind: "noise"; issueDate?: string };

const MD_HEADING = /^#{1,6}\s+/;
const NOISE = [
  /^(第\s*\d+\s*版|[A-Z]\d{1,2}\s*版?)(\s|$)/,
  /^(责任编辑|编辑|校对|审核|审校|美编|组版|值班主任|本版责编)\s*[:：\s]/,
  /^[（(]?(上|下)转第?\s*\d+\s*版[）)]?$/,
  /^[-—_=*·.。\s]+$/,
];
const JUMP_MARK = /[（(](?:上接|下转|转)第?\s*[\d一二三四五六七八九十]+\s*版[）)]/g;
/** Last words of a complete headline line: a second line after it is a deck, not a wrap. */
const HEADLINE_END = /(召开|举行|举办|开幕|闭幕|揭牌|启动|成立|签约|开工|竣工|落幕|亮相|开通|开业|会议|[）)])$/;
/** A column tag before a headline ("【网络中国节•春节】…"): headlines only carry it. */
export const COLUMN_TAG = /^【[^】]{1,16}】/;
/** A kicker framed by dashes ("—— 关注“两会” ——"). */
const FRAMED = /^[—-]{1,2}\s*\S.*[—-]{1,2}$/;
const ENUMERATION = /^[（(]?[一二三四五六七八九十\d]{1,3}[、.．)）]/;

/**
 * A page banner printed letter-spaced ("县 域 新 闻", "综 合 新 闻"): three to
 * six single characters with spaces between them and nothing else.
 */
export function isBanner(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  return tokens.length >= 3 && tokens.length <= 6 && tokens.every((t) => /^[\u4e00-\u9fff]$/.test(t));
}

/** Whether lines (cleaned, title-spaced) read as a headline rather than body text. */
export function isHeadingLines(lines: string[]): boolean {
  // Up to a kicker, a main headline wrapped on two lines and a deck.
  if (lines.length > 4) return false;
  const text = lines.join("");
  if (lines.some((l) => l.length > (lines.length > 1 ? 40 : 90))) return false;
  if (cjkCount(text) < 4) return false;
  if (/[。！？!?；;]/.test(text)) return false;
  // A long enumeration without word spaces ("先后到…、…、…、…实地察看") is a
  // body line cut by a column; headlines that list much set their parts apart with spaces.
  if ((text.match(/、/g) ?? []).length >= 4 && !text.includes(" ")) return false;
  if (/[，,]/.test(text.replace(COLUMN_TAG, "").replace(/“[^”]*”|《[^》]*》|"[^"]*"/g, "")) && !COLUMN_TAG.test(text))
    return false;
  if (/[，、：:；（(“《—-]$/.test(text)) return false;
  // A number cut by a column ("…指数为50." / "1%，…") ends no headline.
  if (/[.．]$/.test(text) || (lines.length > 1 && /\d$/.test(text))) return false;
  if (ENUMERATION.test(text) || DATELINE_START.test(text)) return false;
  return true;
}

/**
 * A headline block's lines → main line and kicker/deck. Lines wrapped by a
 * narrow column are joined; a line that completes a headline ("…学习会召开")
 * followed by another is a main line plus deck. Of the two, the one naming a
 * place is the main headline ("志愿服务结硕果" is the kicker of
 * "解放区新时代文明实践项目荣获市一等奖").
 */
export function splitHeadline(lines: string[]): Headline {
  if (lines.length < 2) return { main: lines[0] ?? "", sub: null };
  // A deck starts "——", unless the dash is inside a bracket the line above left open ("【…新图景" / "——…】").
  let k = lines.findIndex((l, i) => i > 0 && /^[—-]{1,2}/.test(l) && !unclosed(lines.slice(0, i).join("")));
  if (FRAMED.test(lines[0] ?? "")) {
    // Kicker on top; the lines under it are a headline, maybe with its deck.
    const rest = splitHeadline(lines.slice(1));
    return { main: rest.main, sub: [lines[0], rest.sub].filter(Boolean).join(" ") };
  }
  if (k > 0) {
    // A deck under the headline ("——…"): the lines above it are the headline, maybe with a kicker.
    const top = splitHeadline(lines.slice(0, k));
    const sub = [top.sub, lines.slice(k).join("")].filter(Boolean).join(" ");
    return { main: top.main, sub, ...(top.lines ? { lines: top.lines } : {}) };
  }
  // A column tag opens the main headline ("【…】…"): the lines above it are its kicker.
  const tagged = lines.findIndex((l, i) => i > 0 && COLUMN_TAG.test(l));
  if (tagged > 0) {
    const rest = splitHeadline(lines.slice(tagged));
    return { main: rest.main, sub: [lines.slice(0, tagged).join(""), rest.sub].filter(Boolean).join(" ") };
  }
  if (k < 0) {
    const end = lines.findIndex((l, i) => i < lines.length - 1 && HEADLINE_END.test(l));
    k = end < 0 ? -1 : end + 1;
  }
  if (k < 0) return { main: lines.join(""), sub: null, lines };
  return pickMain(lines.slice(0, k).join(""), lines.slice(k).join(""));
}

/** Of a headline pair (as printed, top first), which is the main one. */
export function pickMain(top: string, bottom: string): Headline {
  if (/^[—-]/.test(bottom)) return { main: top, sub: bottom };
  if (FRAMED.test(top)) return { main: bottom, sub: top };
  if (!namesPlace(top) && namesPlace(bottom)) return { main: bottom, sub: top };
  return { main: top, sub: bottom };
}

function bodyParagraphs(lines: string[], wide = false): string[] {
  const width = wide ? Number.POSITIVE_INFINITY : Math.max(...lines.map((l) => l.length));
  const paras: string[] = [];
  let cur = "";
  lines.forEach((line, i) => {
    cur += line;
    // A sentence end on a line shorter than the column (or any line of a wide page) ends a paragraph.
    const shortEnd = endsSentence(line) && (line.length < 0.75 * width || width > WIDE);
    if (i === lines.length - 1 || shortEnd) {
      paras.push(cur);
      cur = "";
    }
  });
  return paras.map((p) => p.replace(JUMP_MARK, "").trim()).filter(Boolean);
}

/** Lines longer than this make a block "wide": one paragraph per line, not a narrow column. */
const WIDE = 60;

/**
 * A wide block (pages exported without blank lines between headline and
 * paragraphs) → sub-blocks: a short headline or byline line after a
 * sentence end, a byline or the top of the block stands alone. Narrow-column blocks (004) are left whole:
 * there every line is short.
 */
export function splitWideBlock(block: Block): Block[] {
  const lines = block.lines;
  const width = Math.max(...lines.map((l) => l.length));
  if (lines.length < 2 || width <= WIDE || block.wide) return [block];
  const out: Block[] = [];
  let cur: string[] = [];
  const isByline = lines.map((l) => parseByline(fixSpacing(l, "body")) !== null);
  lines.forEach((line, i) => {
    const t = fixSpacing(line, "title");
    const afterEnd = i === 0 || endsSentence(lines[i - 1] ?? "") || isByline[i - 1] === true;
    const alone = afterEnd && t.length < 0.6 * width && (isByline[i] === true || isHeadingLines([t]));
    if (alone) {
      if (cur.length) out.push({ lines: cur, gapBefore: 0, wide: true });
      out.push({ lines: [line], gapBefore: 0, wide: true });
      cur = [];
    } else {
      cur.push(line);
    }
  });
  if (cur.length) out.push({ lines: cur, gapBefore: 0, wide: true });
  if (out[0]) out[0].gapBefore = block.gapBefore;
  return out;
}

/**
 * One block → what it is on the page (usually one item; a body block whose
 * last line is a byline gives two; a wide block with a headline line inside
 * is split first, `splitWideBlock`). Order of the tests: markdown headings,
 * page furniture (noise), bylines, photo captions, headlines, body.
 */
export function classifyBlock(block: Block): Item[] {
  const parts = splitWideBlock(block);
  if (parts.length > 1) return parts.flatMap(classifyBlock);
  const raw = block.lines;
  if (raw.every((l) => MD_HEADING.test(l))) {
    const lines = raw.map((l) => fixSpacing(l.replace(MD_HEADING, ""), "title"));
    return [{ kind: "heading", markdown: true, ...splitHeadline(lines) }];
  }
  if (raw.every((l) => NOISE.some((re) => re.test(l)) || dateFromHeader(l) || isBanner(l))) {
    const issueDate = raw.map(dateFromHeader).find(Boolean);
    return [{ kind: "noise", ...(issueDate ? { issueDate } : {}) }];
  }
  const body = raw.map((l) => fixSpacing(l, "body"));
  const bylines = body.map(parseByline);
  if (bylines.every((b) => b?.strong)) return [{ kind: "byline", text: bylines.map((b) => b?.text).join(" ") }];
  if (bylines.every((b) => b)) return [{ kind: "names", text: bylines.map((b) => b?.text).join(" ") }];
  const photo = splitPhotoCredit(body.join(""));
  if (photo && (photo.caption === "" || !DATELINE_START.test(photo.caption))) {
    const long = /[。！？]/.test(photo.caption) && photo.caption.length > 30;
    return [{ kind: "caption", caption: photo.caption, credit: photo.credit, long }];
  }
  const title = raw.map((l) => fixSpacing(l, "title"));
  if (isHeadingLines(title)) {
    // A byline line with the next headline right under it ("苏娜" / "陕州区召开…").
    const first = bylines[0];
    if (first && title.length > 1 && isHeadingLines(title.slice(1))) {
      return [
        { kind: "byline", text: first.text },
        // Either the next article's headline or, on a page printing headlines last, this one's.
        { kind: "heading", markdown: false, trailing: true, ...splitHeadline(title.slice(1)) },
      ];
    }
    return [{ kind: "heading", markdown: false, ...splitHeadline(title) }];
  }
  const items: Item[] = [];
  const last = bylines[bylines.length - 1];
  const lastTitle = title[title.length - 1] ?? "";
  if (
    body.length > 1 &&
    !last &&
    endsSentence(body[body.length - 2] ?? "") &&
    !endsSentence(lastTitle) &&
    isHeadingLines([lastTitle])
  ) {
    // A headline printed after its body ("…其他事项。" / "市委常委会召开扩大会议"); `assemble` checks the evidence.
    items.push({ kind: "body", paras: bodyParagraphs(body.slice(0, -1), block.wide), gapBefore: block.gapBefore });
    items.push({ kind: "heading", markdown: false, trailing: true, main: lastTitle, sub: null });
    return items;
  }
  if (body.length > 1 && last?.strong) {
    items.push({ kind: "body", paras: bodyParagraphs(body.slice(0, -1), block.wide), gapBefore: block.gapBefore });
    items.push({ kind: "byline", text: last.text });
    return items;
  }
  return [{ kind: "body", paras: bodyParagraphs(body, block.wide), gapBefore: block.gapBefore }];
}
