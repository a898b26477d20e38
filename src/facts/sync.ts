import type { ArticleStore } from "../store/articles.js";

/** PLACEHOLDER (answers issue): extracts facts for new articles, drops those of removed ones. */
export function syncFacts(_store: ArticleStore): { added: number; removed: number } {
  return { added: 0, removed: 0 };
}
