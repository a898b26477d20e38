import type { Config } from "../config/env.js";
import { syncFacts } from "../facts/sync.js";
import { type SyncIndexOptions, syncIndex } from "../index/sync.js";
import { type IngestOptions, type IngestSummary, ingestPaths } from "../ingest/ingest-paths.js";
import type { ArticleStore } from "../store/articles.js";

/** Result of `runIngest`: the file summary plus what the derived indexes did. */
export interface RunIngestResult extends IngestSummary {
  facts: { added: number; removed: number };
  index: { articlesAdded: number; articlesRemoved: number; chunksAdded: number };
}

/**
 * The whole ingest pipeline, shared by the CLI and the bot's bulletin upload:
 * files → articles in the store → facts → chunk vectors and BM25. Each
 * derived stage syncs itself against the store, so a crash in the middle is
 * repaired by the next run.
 */
export async function runIngest(
  paths: string[],
  store: ArticleStore,
  config: Config,
  opts: IngestOptions & { rebuild?: boolean; onIndexProgress?: SyncIndexOptions["onProgress"] } = {},
): Promise<RunIngestResult> {
  const summary = await ingestPaths(paths, store, opts);
  const facts = syncFacts(store);
  const index = await syncIndex(store, config, { rebuild: opts.rebuild, onProgress: opts.onIndexProgress });
  return { ...summary, facts, index };
}
