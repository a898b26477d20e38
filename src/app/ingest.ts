import type { Config } from "../config/env.js";
import { syncFacts } from "../facts/sync.js";
import { type LockOwner, withIndexLock } from "../index/lock.js";
import { searchIndexDir } from "../index/search-index.js";
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
 * repaired by the next run. The whole run holds the index write lock
 * (`withIndexLock`), so two ingests serialise: the second (another process,
 * or the bot's background ingest) waits, is told so once through
 * `onLockWait`, and runs after the first; both files end up searchable.
 * This runs on the caller's thread; the bot uses `runIngestInBackground`.
 */
export async function runIngest(
  paths: string[],
  store: ArticleStore,
  config: Config,
  opts: IngestOptions & {
    rebuild?: boolean;
    onIndexProgress?: SyncIndexOptions["onProgress"];
    onLockWait?: (owner: LockOwner | undefined) => void;
  } = {},
): Promise<RunIngestResult> {
  return withIndexLock(
    searchIndexDir(config),
    async () => {
      const summary = await ingestPaths(paths, store, opts);
      const facts = syncFacts(store);
      const index = await syncIndex(store, config, { rebuild: opts.rebuild, onProgress: opts.onIndexProgress });
      return { ...summary, facts, index };
    },
    { onWait: opts.onLockWait },
  );
}
