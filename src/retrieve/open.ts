import type { Config } from "../config/env.js";
import { createEmbeddings } from "../index/embeddings.js";
import { searchIndexDir } from "../index/manifest.js";
import type { ArticleStore } from "../store/articles.js";
import { NewsRetriever, type SearchOptions } from "./news-retriever.js";

/**
 * Opens the hybrid retriever of `config.indexDir` (see `NewsRetriever`). The
 * embedding model is loaded on the first query and cached for the process;
 * call `warmUp()` at start-up to pay that before the first user's question.
 * Results whose article is no longer in `store` are dropped.
 */
export function openRetriever(
  store: ArticleStore,
  config: Pick<Config, "indexDir" | "embedding">,
  defaults: SearchOptions = {},
): NewsRetriever {
  return new NewsRetriever({
    dir: searchIndexDir(config),
    embeddings: createEmbeddings(config),
    model: config.embedding.model,
    pooling: config.embedding.pooling,
    defaults,
    articleExists: (id) => store.has(id),
  });
}
