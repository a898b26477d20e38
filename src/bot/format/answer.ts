import type { Answer, Citation } from "../../core/types.js";
import { escapeHtml } from "./html.js";
import { packBlocks } from "./split.js";

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

/** One line of the numbered source list: `1. 《标题》 陕州区 · 2026-02-01`. */
export function renderCitationLine(c: Citation): string {
  const where = [c.district, c.date].filter(Boolean).join(" · ");
  return `${c.n}. 《${escapeHtml(c.title)}》${where ? ` ${escapeHtml(where)}` : ""}`;
}

/**
 * Renders an answer in Telegram HTML: the answer text (escaped, with its [n]
 * markers), then the citations as a numbered list (title, district, date),
 * and one "📄 原文 n" button per citation that opens the full article. When
 * the news does not answer the question, a hint replaces the list.
 */
export function renderAnswer(answer: Answer): RenderedAnswer {
  const blocks = [escapeHtml(answer.answer.trim() || "（没有可以给出的回答）")];
  if (answer.found && answer.citations.length > 0) {
    blocks.push(["📚 <b>来源</b>", ...answer.citations.map(renderCitationLine)].join("\n"));
  } else {
    blocks.push("<i>可以换个问法，或发送 /sources 查看已收录的新闻范围。</i>");
  }
  const seen = new Set<string>();
  const buttons: CitationButton[] = [];
  for (const c of answer.citations) {
    if (!answer.found || seen.has(`${c.n}`)) continue;
    seen.add(`${c.n}`);
    buttons.push({ text: `📄 原文 ${c.n}`, data: `${ARTICLE_CALLBACK_PREFIX}${c.articleId}` });
  }
  return { messages: packBlocks(blocks), buttons };
}
