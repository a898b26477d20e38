import { escapeHtml } from "./html.js";

/** One district's row as `ArticleStore.districts()` returns it. */
export interface DistrictStats {
  district: string;
  count: number;
  first: string | null;
  last: string | null;
}

/**
 * Renders `/sources`: the total, the overall date range, and per district
 * its article count and date range. Articles without a district are listed
 * as "未标明区县".
 */
export function renderSources(rows: DistrictStats[]): string {
  const total = rows.reduce((s, r) => s + r.count, 0);
  if (total === 0) return "还没有收录任何新闻。管理员可以发送 .txt 简报文件来添加。";
  const firsts = rows.map((r) => r.first).filter((d): d is string => !!d);
  const lasts = rows.map((r) => r.last).filter((d): d is string => !!d);
  const range = firsts.length ? `${[...firsts].sort()[0]} 至 ${[...lasts].sort().reverse()[0]}` : "日期不详";
  const lines = rows.map((r) => {
    const name = r.district || "未标明区县";
    const span = r.first ? (r.first === r.last ? r.first : `${r.first} 至 ${r.last}`) : "日期不详";
    return `• ${escapeHtml(name)}：${r.count} 篇（${escapeHtml(span)}）`;
  });
  return [`📚 <b>已收录 ${total} 篇新闻</b>`, `日期范围：${escapeHtml(range)}`, "", ...lines].join("\n");
}
