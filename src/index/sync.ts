import type { Config } from "../config/env.js";
import type { ArticleStore } from "../store/articles.js";

/** Options of `syncIndex`. */
export interface SyncIndexOptions {
  /** Drop the vector and BM25 indexes and rebuild them from the stored articles. */
  rebuild?: boolean;
  /** Progress in chunks embedded. */
  onProgress?: (done: number, total: number) => void;
}

/** PLACEHOLDER (index issue): embeds new articles' chunks, deletes removed ones. */
export async function syncIndex(
  _store: ArticleStore,
  _config: Config,
  _opts: SyncIndexOptions = {},
): Promise<{ articlesAdded: number; articlesRemoved: number; chunksAdded: number }> {
  return { articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 };
}
