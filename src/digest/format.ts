import type { Digest } from "../core/types.js";

/**
 * The digest as plain text for the terminal: a heading with the day (or
 * "since last time"), the district and the count, then one block per
 * district with numbered items (title, summary, id and source file).
 * Telegram formatting is the bot's business.
 */
export function formatDigestText(digest: Digest): string {
  const when = digest.date ? `${digest.date} 新闻摘要` : "新闻摘要（自上次推送以来）";
  const lines = [`${when}${digest.district ? ` · ${digest.district}` : ""} · 共 ${digest.items.length} 篇`];
  let group: string | undefined;
  let n = 0;
  for (const item of digest.items) {
    const name = item.district ?? "其他";
    if (name !== group) {
      group = name;
      lines.push("", `【${name}】`);
    }
    n++;
    lines.push(`${n}. ${item.title}${!digest.date && item.date ? `（${item.date}）` : ""}`);
    lines.push(`   ${item.summary}`);
    lines.push(`   [${item.articleId}] ${item.source}`);
  }
  return lines.join("\n");
}
