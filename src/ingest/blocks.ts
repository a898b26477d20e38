import { DATELINE_START } from "./dateline.js";
import { cleanLine } from "./text.js";

/** A run of consecutive non-blank lines of a page. */
export interface Block {
  lines: string[];
  /** Blank lines before it (a wide gap often frames a photo caption). */
  gapBefore: number;
  /** Cut from a wide block (one paragraph per line): set by `splitWideBlock`. */
  wide?: boolean;
}

export { DATELINE_START };

const INLINE_DATELINE = /\s(?=本报(?:\d{1,2}月\d{1,2}日)?讯)/;
const MD_HEADING = /^#{1,6}\s+/;
/** A paragraph's first-line indent: two or more ideographic or ASCII spaces. */
const INDENT = /^(?:\u3000|\s){2,}\S/;
const SENTENCE_MARK = /[。！？；，,]/;
/** A line ending a sentence, for the indented-paragraph rules. */
const SENTENCE_END = /[。！？”]$/;

/**
 * Page text → blocks of lines. Lines are cleaned (`cleanLine`); a block is
 * also cut before a line that opens an article ("本报讯…", "# 标题") and
 * where a headline and the next article's dateline share a line
 * ("安排部署近期重点工作 本报讯 孟州市…").
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: string[] = [];
  let gap = 0;
  let gapBefore = 0;
  const flush = (): void => {
    if (cur.length) blocks.push({ lines: cur, gapBefore });
    cur = [];
  };
  let indentSeen = false;
  const raws = text.replace(/\r\n?/g, "\n").split("\n");
  const cleaned = raws.map(cleanLine);
  const indents = raws.map((r) => INDENT.test(r));
  const starts = headlineStarts(indents, cleaned);
  for (const [n, raw] of raws.entries()) {
    const line = cleaned[n] ?? "";
    if (line === "") {
      if (cur.length) flush();
      gap++;
      continue;
    }
    if (!cur.length) {
      gapBefore = gap;
      gap = 0;
      indentSeen = false;
    }
    // The first indented line under lines that end no sentence: a headline printed
    // right above its body ("雄安新区白洋淀步入全国良好湖泊行" / "列" / "　　历经四年…").
    const indented = indents[n] === true;
    const prev = cur[cur.length - 1];
    // An indented line after a sentence end starts a paragraph, as a blank line would.
    const newParagraph = indented && prev !== undefined && SENTENCE_END.test(prev);
    if (
      (indented && !indentSeen && cur.length && cur.every((l) => !SENTENCE_MARK.test(l))) ||
      newParagraph ||
      starts.has(n)
    ) {
      flush();
      gapBefore = 0;
    }
    if (indented) indentSeen = true;
    const parts = splitInlineDateline(line);
    for (const part of parts) {
      if (
        cur.length &&
        (DATELINE_START.test(part) || MD_HEADING.test(part) || MD_HEADING.test(cur[cur.length - 1] ?? ""))
      ) {
        flush();
        gapBefore = 0;
      }
      cur.push(part);
    }
  }
  flush();
  return blocks;
}

/**
 * On a page of indented paragraphs printed without blank lines: the lines
 * where a headline starts (one or two unindented lines without punctuation
 * after a sentence end, right above an indented line) and the indented line
 * under it. `indented[i]`: whether line i is indented; `cleaned`: the lines after `cleanLine`.
 */
function headlineStarts(indented: boolean[], cleaned: string[]): Set<number> {
  const out = new Set<number>();
  if (indented.filter(Boolean).length < 2) return out;
  for (let i = 1; i < cleaned.length; i++) {
    if (indented[i] || !SENTENCE_END.test(cleaned[i - 1] ?? "")) continue;
    let j = i;
    while (j < cleaned.length && j - i < 3 && !indented[j] && cleaned[j] !== "") j++;
    const head = cleaned.slice(i, j);
    if (j - i === 0 || j - i > 2 || !indented[j] || head.some((l) => SENTENCE_MARK.test(l))) continue;
    out.add(i);
    out.add(j);
  }
  return out;
}

function splitInlineDateline(line: string): string[] {
  const m = INLINE_DATELINE.exec(line);
  if (!m || m.index === 0) return [line];
  const head = line.slice(0, m.index).trim();
  // Only a short headline-like head ends there; a sentence quoting "本报讯" does not.
  if (head.length > 40 || /[。，,；！？]/.test(head)) return [line];
  return [head, line.slice(m.index + 1).trim()];
}
