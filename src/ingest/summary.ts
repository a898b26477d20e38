import type { FileOutcome, IngestSummary } from "./ingest-paths.js";

const STATUS_ZH: Record<FileOutcome["status"], string> = {
  added: "新增",
  updated: "已更新",
  unchanged: "未变化",
  skipped: "已跳过",
  pruned: "已移除",
};

/** One file's outcome as a Chinese line for end users ("000.txt：新增 5 篇文章"). */
export function describeOutcomeZh(o: FileOutcome): string {
  if (o.status === "skipped") return `${o.source}：${STATUS_ZH.skipped}，${o.reason ?? "原因未知"}`;
  return `${o.source}：${STATUS_ZH[o.status]} ${o.articles} 篇文章`;
}

/** A whole ingest summary in Chinese, for the bot's reply to an uploaded bulletin. */
export function describeSummaryZh(s: IngestSummary): string {
  const head = `读取 ${s.filesRead} 个文件，共 ${s.articlesFound} 篇文章。`;
  return [head, ...s.files.map(describeOutcomeZh)].join("\n");
}
