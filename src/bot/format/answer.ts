import { citationDate } from "../../answer/citations.js";
import type { Answer, Citation } from "../../core/types.js";
import { escapeHtml } from "./html.js";
import { MAX_MESSAGE_LENGTH, packBlocks } from "./split.js";

/** An inline button: label and callback data (`art:<articleId>`). */
export interface CitationButton {
  text: string;
  data: string;
}

/** A rendered answer: HTML messages (usually one) and the citation buttons for the last one. */
export interface RenderedAnswer {
  messages: string[];
  buttons: CitationButton[];
}

/** Callback-data prefix of the "📄 原文 n" buttons; the article id follows. */
export const ARTICLE_CALLBACK_PREFIX = "art:";

/** Longest quote shown under a claim, in characters (the full article is one tap away). */
export const MAX_QUOTE_LENGTH = 600;

/** What the renderer may look up about a cited article: the date as printed, when its year is unknown. */
export interface AnswerLookup {
  dateTextOf?(articleId: string): string | null | undefined;
}

/**
 * One line of the numbered source list: `1. 《标题》 陕州区 · 2026-02-01`.
 * When `titleShown` (the answer already names the title, as in 据《…》), the
 * title is not repeated: `1. 陕州区 · 2026-02-01（即上文《》所引报道）`.
 */
export function renderCitationLine(c: Citation, dateText?: string | null, titleShown = false): string {
  const where = [c.district, citationDate(c.date, dateText)].filter(Boolean).join(" · ");
  if (titleShown) return `${c.n}. ${escapeHtml(where || c.source)}（标题见上文）`;
  return `${c.n}. 《${escapeHtml(c.title)}》${where ? ` ${escapeHtml(where)}` : ""}`;
}

/** A quote as an expandable Telegram blockquote, cut to `MAX_QUOTE_LENGTH`. */
function quoteBlock(c: Citation): string {
  const q = c.quote.trim();
  const shown = q.length > MAX_QUOTE_LENGTH ? `${q.slice(0, MAX_QUOTE_LENGTH)}…` : q;
  return `<blockquote expandable>[${c.n}] ${escapeHtml(shown)}</blockquote>`;
}

/**
 * Splits an answer into its claims: each runs up to and including its [n]
 * markers (and the punctuation right after them). Text after the last marker
 * is a claim without citations.
 */
export function claimsOf(text: string): { text: string; ns: number[] }[] {
  const out: { text: string; ns: number[] }[] = [];
  let from = 0;
  for (const m of text.matchAll(/((?:\[\d+\])+)[。；，！？.;,!?]?/g)) {
    const end = (m.index ?? 0) + m[0].length;
    const ns = [...(m[1] ?? "").matchAll(/\d+/g)].map((x) => Number(x[0]));
    out.push({ text: text.slice(from, end).trim(), ns });
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push({ text: rest, ns: [] });
  return out.filter((c) => c.text !== "");
}

/**
 * Renders an answer in Telegram HTML so that a phone user can check it
 * without opening the article: each claim (escaped, with its [n] markers) is
 * followed by the sentence it rests on, as an expandable blockquote (each
 * quote shown once). Then the citations as a numbered list (district, date —
 * as printed when the year is unknown — and the title unless the answer
 * already names it), and one "📄 原文 n" button per citation that opens the
 * full article. When the news does not answer the question, a hint replaces
 * the list. Messages are at most `max` characters and every one is balanced
 * HTML: a claim and its quote are one block, never cut inside a tag.
 */
export function renderAnswer(answer: Answer, lookup: AnswerLookup = {}, max = MAX_MESSAGE_LENGTH): RenderedAnswer {
  const text = answer.answer.trim() || "（没有可以给出的回答）";
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const quoted = new Set<number>();
  const blocks: string[] = [];
  for (const claim of answer.found ? claimsOf(text) : [{ text, ns: [] }]) {
    const quotes = claim.ns
      .filter((n) => !quoted.has(n) && byN.get(n)?.quote.trim())
      .map((n) => {
        quoted.add(n);
        return quoteBlock(byN.get(n) as Citation);
      });
    const block = [escapeHtml(claim.text), ...quotes].join("\n");
    if (block.length <= max) blocks.push(block);
    else blocks.push(escapeHtml(claim.text), ...quotes);
  }
  if (answer.found && answer.citations.length > 0) {
    const lines = answer.citations.map((c) =>
      renderCitationLine(c, lookup.dateTextOf?.(c.articleId), text.includes(`《${c.title}》`)),
    );
    blocks.push(["📚 <b>来源</b>", ...lines].join("\n"));
  } else {
    blocks.push("<i>可以换个问法，或发送 /sources 查看已收录的新闻范围。</i>");
  }
  const seen = new Set<number>();
  const buttons: CitationButton[] = [];
  for (const c of answer.citations) {
    if (!answer.found || seen.has(c.n)) continue;
    seen.add(c.n);
    buttons.push({ text: `📄 原文 ${c.n}`, data: `${ARTICLE_CALLBACK_PREFIX}${c.articleId}` });
  }
  return { messages: packBlocks(blocks, max), buttons };
}

/**
 * The answer as one short plain line (markers and quotes left out), at most
 * `max` characters: the description of an inline-mode result.
 */
export function shortAnswer(answer: Answer, max = 120): string {
  const t = answer.answer
    .replace(/\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
