import type { ArticleStore } from "../store/articles.js";
import { extractFacts } from "./extract.js";
import { FactStore } from "./fact-store.js";

/**
 * Brings the facts tables in line with the article store: extracts facts of
 * articles not processed yet (new, re-stored, or done by an older
 * extractor) and deletes those of articles no longer stored. Called by
 * `runIngest` after articles are stored; one query when nothing changed.
 * Returns how many articles were (re)processed and removed.
 */
export function syncFacts(store: ArticleStore): { added: number; removed: number } {
  const facts = new FactStore(store.db);
  const orphans = facts.orphans();
  for (const id of orphans) facts.remove(id);
  let added = 0;
  for (const id of facts.pending()) {
    const article = store.get(id);
    if (!article) continue;
    facts.put(id, article.ingestedAt, extractFacts(article));
    added++;
  }
  return { added, removed: orphans.length };
}
