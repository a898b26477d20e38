import type { Config } from "../config/env.js";
import { loadConfig } from "../config/env.js";
import type { NewsRetriever } from "../retrieve/news-retriever.js";
import { openRetriever } from "../retrieve/open.js";
import { ArticleStore } from "../store/articles.js";
import { openDb } from "../store/db.js";

/**
 * Runs a command body with the configuration and the article store of
 * `INDEX_DIR`, and closes the database afterwards, also when the body throws.
 * Every CLI command that reads the store goes through here.
 */
export async function withStore<T>(fn: (store: ArticleStore, config: Config) => T | Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDb(config.indexDir);
  try {
    return await fn(new ArticleStore(db), config);
  } finally {
    db.close();
  }
}

/**
 * The hybrid retriever of `config`, or an error telling the user to ingest
 * first when the index holds nothing (shared by `search` and `eval-retrieval`).
 */
export function openNonEmptyRetriever(store: ArticleStore, config: Config): NewsRetriever {
  const retriever = openRetriever(store, config);
  if (retriever.size === 0) {
    throw new Error(`the index in ${config.indexDir} is empty: run \`npm run -s cli -- ingest\` first`);
  }
  return retriever;
}
