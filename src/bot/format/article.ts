import type { Article } from "../../core/types.js";
import { escapeHtml } from "./html.js";
import { MAX_MESSAGE_LENGTH, packBlocks, splitPlainText } from "./split.js";

/**
 * Renders a full source article for Telegram: a header (bold title,
 * subtitle, district, date, source file, byline, id) followed by the whole
 * text, split at paragraph boundaries into messages of at most `max`
 * characters. Everything from the article is escaped.
 */
export function renderArticle(article: Article, max = MAX_MESSAGE_LENGTH): string[] {
  const meta = [
    article.district ?? "未标明区县",
    article.date ?? article.dateText ?? "日期不详",
    `来源 ${article.source}`,
  ];
  const header = [
    `<b>${escapeHtml(article.title)}</b>`,
    article.subtitle ? escapeHtml(article.subtitle) : "",
    `<i>${escapeHtml(meta.join(" · "))}</i>`,
    article.byline ? `✍️ ${escapeHtml(article.byline)}` : "",
    `编号 <code>${escapeHtml(article.id)}</code>`,
  ]
    .filter(Boolean)
    .join("\n");
  const body = splitPlainText(article.text, max);
  return packBlocks([header, ...body], max, "\n\n");
}
