import { InlineKeyboard } from "grammy";
import type { Digest, DigestItem } from "../../core/types.js";
import { escapeHtml } from "./html.js";
import { MAX_MESSAGE_LENGTH, packBlocks } from "./split.js";

/** Callback data of a digest day: `dg:<YYYY-MM-DD>:<district or empty>`. */
export const DIGEST_CALLBACK_PREFIX = "dg:";
/** Callback data of the district picker: `dp:<YYYY-MM-DD>`. */
export const PICKER_CALLBACK_PREFIX = "dp:";
/** Telegram's limit on callback data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;
/** Article buttons under one digest at most (Telegram allows 100 buttons; the rest are /a_ commands). */
const MAX_ARTICLE_BUTTONS = 30;

/** Callback data for the digest of `date` in `district` (null: all), or undefined when it would exceed 64 bytes. */
export function digestCallback(date: string, district: string | null): string | undefined {
  const data = `${DIGEST_CALLBACK_PREFIX}${date}:${district ?? ""}`;
  return Buffer.byteLength(data, "utf8") <= MAX_CALLBACK_BYTES ? data : undefined;
}

/** One digest item: bold numbered title, district and date, summary, and the one-tap `/a_<id>` command. */
function renderItem(item: DigestItem, n: number): string {
  const where = [item.district, item.date].filter(Boolean).join(" · ");
  return [
    `<b>${n}. ${escapeHtml(item.title)}</b>${where ? `（${escapeHtml(where)}）` : ""}`,
    escapeHtml(item.summary),
    `原文：/a_${escapeHtml(item.articleId)}`,
  ].join("\n");
}

/**
 * Renders a digest in Telegram HTML, split between items into messages of
 * at most `max` characters. A dated digest is headed by its day; a
 * subscriber's digest (date null) by "自上次摘要以来的新闻". Each item ends
 * with its one-tap command `/a_<id>` (Telegram makes the whole of it a link).
 */
export function renderDigest(digest: Digest, max = MAX_MESSAGE_LENGTH): string[] {
  const scope = digest.district ? `（${escapeHtml(digest.district)}）` : "";
  const head = digest.date
    ? `📰 <b>${escapeHtml(digest.date)} 新闻摘要</b>${scope} · 共 ${digest.items.length} 篇`
    : `📰 <b>订阅摘要：自上次摘要以来的新闻</b>${scope} · 共 ${digest.items.length} 篇`;
  return packBlocks([head, ...digest.items.map((item, i) => renderItem(item, i + 1))], max);
}

/**
 * The buttons under a digest: one "📄 n" per article (opens it), then for a
 * dated digest "◀ 前一天" / "后一天 ▶" to the nearest earlier and later days
 * that have news (`daysWithNews`, any order) and "🗺 选择区县". Every
 * callback is at most 64 bytes.
 */
export function digestKeyboard(digest: Digest, daysWithNews: readonly string[] = []): InlineKeyboard {
  const kb = new InlineKeyboard();
  digest.items.slice(0, MAX_ARTICLE_BUTTONS).forEach((item, i) => {
    if (i > 0 && i % 5 === 0) kb.row();
    kb.text(`📄 ${i + 1}`, `art:${item.articleId}`);
  });
  if (!digest.date) return kb;
  const sorted = [...new Set(daysWithNews)].sort();
  const before = sorted.filter((d) => d < (digest.date as string)).at(-1);
  const after = sorted.find((d) => d > (digest.date as string));
  const nav = [
    before ? { text: "◀ 前一天", data: digestCallback(before, digest.district) } : undefined,
    after ? { text: "后一天 ▶", data: digestCallback(after, digest.district) } : undefined,
  ].filter((b): b is { text: string; data: string } => !!b?.data);
  if (nav.length) {
    kb.row();
    for (const b of nav) kb.text(b.text, b.data);
  }
  kb.row().text(
    digest.district ? `🗺 ${digest.district} · 换区县` : "🗺 选择区县",
    `${PICKER_CALLBACK_PREFIX}${digest.date}`,
  );
  return kb;
}

/** The district picker of the digest of `date`: one button per district (3 per row) and "全部区县". */
export function districtPicker(date: string, districts: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  let inRow = 0;
  for (const d of districts.slice(0, 45)) {
    const data = digestCallback(date, d);
    if (!data) continue;
    if (inRow === 3) {
      kb.row();
      inRow = 0;
    }
    kb.text(d, data);
    inRow++;
  }
  const all = digestCallback(date, null);
  if (all) kb.row().text("全部区县", all);
  return kb;
}
