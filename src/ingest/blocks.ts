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
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = cleanLine(raw);
    if (line === "") {
      if (cur.length) flush();
      gap++;
      continue;
    }
    if (!cur.length) {
      gapBefore = gap;
      gap = 0;
    }
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

function splitInlineDateline(line: string): string[] {
  const m = INLINE_DATELINE.exec(line);
  if (!m || m.index === 0) return [line];
  const head = line.slice(0, m.index).trim();
  // Only a short headline-like head ends there; a sentence quoting "本报讯" does not.
  if (head.length > 40 || /[。，,；！？]/.test(head)) return [line];
  return [head, line.slice(m.index + 1).trim()];
}
