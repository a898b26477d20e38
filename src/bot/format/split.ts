import { escapeHtml } from "./html.js";

/** Telegram's limit on the length of one text message, in characters. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Packs ready-made HTML blocks (paragraphs, digest items) into as few
 * messages as possible, each at most `max` characters, never splitting a
 * block unless it is longer than `max` on its own. Blocks in one message are
 * joined by `separator`. A block that is too long is cut at sentence ends
 * (it must then be plain escaped text, without tags spanning the cut).
 */
export function packBlocks(blocks: string[], max = MAX_MESSAGE_LENGTH, separator = "\n\n"): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks.flatMap((b) => (b.length > max ? cutLongHtml(b, max) : [b]))) {
    if (block === "") continue;
    if (current === "") current = block;
    else if (current.length + separator.length + block.length <= max) current += separator + block;
    else {
      messages.push(current);
      current = block;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

/**
 * Splits plain text (e.g. an article body, paragraphs separated by "\n") into
 * escaped HTML pieces that each fit in `max` characters once escaped. Cuts
 * are made between paragraphs; a paragraph longer than `max` is cut after a
 * sentence end (。！？；), and only a "sentence" longer than `max` is cut hard.
 */
export function splitPlainText(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(escapeHtml);
  return packBlocks(paragraphs, max, "\n\n");
}

/** Cuts one over-long escaped block at sentence ends, then hard at `max` without breaking an entity. */
function cutLongHtml(block: string, max: number): string[] {
  const sentences = block.match(/[^。！？；!?;\n]*[。！？；!?;\n]+|[^。！？；!?;\n]+$/g) ?? [block];
  const pieces: string[] = [];
  let current = "";
  for (const s of sentences) {
    if (s.length > max) {
      if (current) pieces.push(current);
      current = "";
      pieces.push(...hardCut(s, max));
    } else if (current.length + s.length <= max) current += s;
    else {
      pieces.push(current);
      current = s;
    }
  }
  if (current) pieces.push(current);
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/** Cuts at `max`, moving the cut back so that an HTML entity (`&amp;`) is never split. */
function hardCut(s: string, max: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > max) {
    let cut = max;
    const amp = rest.lastIndexOf("&", cut - 1);
    if (amp !== -1 && amp > cut - 6 && !rest.slice(amp, cut).includes(";")) cut = amp;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}
