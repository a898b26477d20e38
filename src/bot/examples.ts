import type { Article } from "../core/types.js";

/** Titles longer than this make clumsy example questions. */
const MAX_TITLE = 24;

/**
 * Up to `n` example questions built from the stored articles (newest days
 * first, one per article), so the examples always match what the bot knows:
 * "谁出席了<会议标题>？" for meetings, "“<标题>”是哪天的事？" otherwise.
 */
export function exampleQuestions(articles: Article[], n = 3): string[] {
  const sorted = [...articles]
    .filter((a) => a.title.length >= 4 && a.title.length <= MAX_TITLE)
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  const meetings = sorted.filter((a) => /会议?$|会议|座谈|调研|督导/.test(a.title));
  const others = sorted.filter((a) => !meetings.includes(a));
  const out: string[] = [];
  for (const a of meetings.slice(0, 2)) out.push(`谁出席了${a.title}？`);
  for (const a of [...others, ...meetings.slice(2)]) {
    if (out.length >= n) break;
    out.push(`“${a.title}”是哪天的事？`);
  }
  return out.slice(0, n);
}
