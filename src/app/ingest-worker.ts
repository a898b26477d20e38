import type { Config } from "../config/env.js";
import { ArticleStore } from "../store/articles.js";
import { openDb } from "../store/db.js";
import type { IngestRequest, WorkerMessage } from "./background-ingest.js";
import { runIngest } from "./ingest.js";

/**
 * The ingest child process started by `runIngestInBackground`: it receives
 * one `IngestRequest` over IPC, runs the one ingest pipeline (`runIngest`:
 * files → store → facts → embeddings and BM25) on its own connection to
 * `INDEX_DIR/news.db`, posts progress, lock waits and the result back, and
 * exits. Embedding blocks this process's event loop, never the bot's.
 */
function post(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

async function handle(req: IngestRequest): Promise<void> {
  const config = req.config as Config;
  let db: ReturnType<typeof openDb> | undefined;
  try {
    db = openDb(config.indexDir);
    const store = new ArticleStore(db);
    const result = await runIngest(req.paths, store, config, {
      ...req.options,
      onProgress: (done, total, file) => void post({ type: "progress", stage: "files", done, total, file }),
      onIndexProgress: (done, total) => void post({ type: "progress", stage: "index", done, total }),
      onLockWait: (owner) => void post({ type: "wait", owner }),
    });
    await post({ type: "result", result });
  } catch (err) {
    await post({ type: "error", message: err instanceof Error ? err.message : String(err) });
  } finally {
    db?.close();
  }
}

if (process.send) {
  // The parent (the bot) is gone: stop, which frees the index lock with this process.
  process.once("disconnect", () => process.exit(1));
  process.once("message", (req: IngestRequest) => {
    void handle(req).then(() => {
      process.removeAllListeners("disconnect");
      process.disconnect();
    });
  });
  process.send({ type: "ready", pid: process.pid } satisfies WorkerMessage);
}
