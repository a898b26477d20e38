import { createAnswerer } from "../answer/answerer.js";
import type { Config } from "../config/env.js";
import type { Conversation } from "../converse/conversation.js";
import { openConversation } from "../converse/open.js";
import type { Answer } from "../core/types.js";
import { buildDigest, type DigestResult } from "../digest/build.js";
import { createSummarizer } from "../digest/llm-summary.js";
import { SubscriptionStore } from "../digest/subscriptions.js";
import type { Summarizer } from "../digest/summarize.js";
import { createChatModel } from "../llm/chat-model.js";
import { createLogger, type Logger } from "../log.js";
import type { NewsRetriever } from "../retrieve/news-retriever.js";
import { openRetriever } from "../retrieve/open.js";
import { ArticleStore } from "../store/articles.js";
import { openDb } from "../store/db.js";
import { type BackgroundIngestOptions, runIngestInBackground } from "./background-ingest.js";
import type { RunIngestResult } from "./ingest.js";

/** Options of `App.ingest`: progress and "waiting for another ingest" callbacks. */
export type AppIngestOptions = Pick<BackgroundIngestOptions, "onProgress" | "onStart"> & {
  /** Called once when this ingest has to wait for another one (in this app or another process) to finish. */
  onWait?: () => void;
};

/** Everything a front end (bot, terminal chat) needs, wired together from the configuration. */
export interface App {
  config: Config;
  store: ArticleStore;
  retriever: NewsRetriever;
  answerer: { ask(question: string, opts?: { district?: string }): Promise<Answer> };
  subscriptions: SubscriptionStore;
  /** The conversation layer above the answerer (follow-ups, timelines, browse lists, English). */
  conversation: Conversation;
  /** Digest item summaries (LLM when configured, else extractive). */
  summarize: Summarizer;
  log: Logger;
  /** Builds the digest of a day (see `buildDigest`), with the app's time zone and summarizer. */
  digest(opts: { date?: string; district?: string; now?: Date }): Promise<DigestResult>;
  /**
   * Ingests bulletin files through the one ingest pipeline, in a child
   * process (`runIngestInBackground`), so every chat keeps being answered
   * meanwhile; then reloads the retriever so the new articles can be asked
   * about at once. Calls are queued, and an ingest of another process is
   * waited for: two ingests never write at the same time (`onWait` says so).
   */
  ingest(paths: string[], opts?: AppIngestOptions): Promise<RunIngestResult>;
  /** Stops a running background ingest and closes the databases. */
  close(): void;
}

/** Options of `openApp`. */
export interface OpenAppOptions {
  log?: Logger;
}

/**
 * The composition root: opens the article store (INDEX_DIR/news.db), the
 * hybrid retriever, the answerer (with the optional LLM), the subscription
 * store and the digest builder, and returns them wired together. It does not
 * ingest anything by itself; see `ingest`.
 */
export function openApp(config: Config, opts: OpenAppOptions = {}): App {
  const log = opts.log ?? createLogger(config.logLevel);
  const store = new ArticleStore(openDb(config.indexDir));
  const retriever = openRetriever(store, config);
  const chatModel = createChatModel(config);
  const answerer = createAnswerer({ retriever, store, chatModel, log });
  const conv = openConversation({ config, store, answerer, retriever, log });
  const subscriptions = new SubscriptionStore(config.digest.subscriptionsDb, config.timezone);
  const summarize = createSummarizer(config, log);
  let queue: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const stop = new AbortController();

  return {
    config,
    store,
    retriever,
    answerer,
    subscriptions,
    conversation: conv.conversation,
    summarize,
    log,
    digest: (o) => buildDigest(store, { ...o, timezone: config.timezone, summarize }),
    ingest(paths, o = {}) {
      let told = false;
      const onWait = () => {
        if (!told) o.onWait?.();
        told = true;
      };
      if (busy++ > 0) onWait();
      const run = queue.then(async () => {
        try {
          const result = await runIngestInBackground(paths, config, {
            onProgress: o.onProgress,
            onStart: o.onStart,
            onWait,
            signal: stop.signal,
          });
          retriever.refresh();
          return result;
        } finally {
          busy--;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close() {
      stop.abort();
      conv.close();
      subscriptions.close();
      store.db.close();
    },
  };
}
