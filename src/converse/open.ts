import type { Config } from "../config/env.js";
import type { Answer } from "../core/types.js";
import type { Logger } from "../log.js";
import type { ArticleStore } from "../store/articles.js";
import { type Conversation, createConversation } from "./conversation.js";
import { factMentions, type NameSearch } from "./fact-mentions.js";
import { SessionStore } from "./sessions.js";

/** A conversation over the app's layers, with its session database to close. */
export interface OpenedConversation {
  conversation: Conversation;
  sessions: SessionStore;
  close(): void;
}

/**
 * Opens the conversation layer on the configured index: the session store
 * (`INDEX_DIR/conversations.db`, time limit CONVERSATION_TTL_MINUTES), the
 * person mentions over the fact store, and `createConversation` over the
 * given answerer and retriever. Shared by the app (bot, terminal chat) and
 * `ask --session`.
 */
export function openConversation(opts: {
  config: Pick<Config, "indexDir" | "timezone" | "conversation">;
  store: ArticleStore;
  answerer: { ask(question: string, opts?: { district?: string }): Promise<Answer> };
  retriever?: NameSearch;
  log?: Logger;
  now?: () => Date;
}): OpenedConversation {
  const sessions = new SessionStore(opts.config.indexDir, {
    ttlMs: opts.config.conversation.ttlMs,
    now: opts.now ? () => opts.now?.().getTime() ?? Date.now() : undefined,
  });
  const conversation = createConversation({
    answerer: opts.answerer,
    store: opts.store,
    retriever: opts.retriever,
    mentions: factMentions(opts.store, opts.retriever),
    sessions,
    timezone: opts.config.timezone,
    now: opts.now,
    log: opts.log,
  });
  return { conversation, sessions, close: () => sessions.close() };
}
