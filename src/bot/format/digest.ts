import type { Digest, DigestItem } from "../../core/types.js";
import { escapeHtml } from "./html.js";
import { MAX_MESSAGE_LENGTH, packBlocks } from "./split.js";

/** One digest item: bold numbered title, district and date, summary, and the `/article` command to open it. */
function renderItem(item: DigestItem, n: number): string {
  const where = [item.district, item.date].filter(Boolean).join(" · ");
  return [
    `<b>${n}. ${escapeHtml(item.title)}</b>${where ? `（${escapeHtml(where)}）` : ""}`,
    escapeHtml(item.summary),
    `原文：/article ${escapeHtml(item.articleId)}`,
  ].join("\n");
}

/**
 * Renders a digest in Telegram HTML, split between items into messages of
 * at most `max` characters. A dated digest is headed by its day; a
 * subscriber's digest (date null) by "自上次摘要以来的新闻".
 */
export function renderDigest(digest: Digest, max = MAX_MESSAGE_LENGTH): string[] {
  const scope = digest.district ? `（${escapeHtml(digest.district)}）` : "";
  const head = digest.date
    ? `📰 <b>${escapeHtml(digest.date)} 新闻摘要</b>${scope} · 共 ${digest.items.length} 篇`
    : `📰 <b>订阅摘要：自上次摘要以来的新闻</b>${scope} · 共 ${digest.items.length} 篇`;
  return packBlocks([head, ...digest.items.map((item, i) => renderItem(item, i + 1))], max);
}
