import readline from "node:readline";
import { Command } from "commander";
import { type Answerer, createAnswerer } from "../../answer/answerer.js";
import { type Config, loadConfig } from "../../config/env.js";
import { openConversation } from "../../converse/open.js";
import type { Answer } from "../../core/types.js";
import { createChatModel } from "../../llm/chat-model.js";
import { createLogger } from "../../log.js";
import { openRetriever } from "../../retrieve/open.js";
import { ArticleStore } from "../../store/articles.js";
import { openDb } from "../../store/db.js";

/** An answerer over the configured index, with what is needed to close and warm it. */
export interface OpenedAnswerer {
  answerer: Answerer;
  /** The store and retriever under the answerer (the conversation layer reads them too). */
  store: ArticleStore;
  retriever: ReturnType<typeof openRetriever>;
  /** Loads the embedding model and the index now, so that the first question is not slower. */
  warmUp(): Promise<void>;
  close(): void;
}

/**
 * Opens the store, the retriever and the optional LLM of `config` and
 * returns the answerer (shared by `ask` and `eval`). Throws a message a user
 * can act on when nothing has been ingested yet.
 */
export function openAnswerer(config: Config = loadConfig()): OpenedAnswerer {
  const db = openDb(config.indexDir);
  const store = new ArticleStore(db);
  if (store.count() === 0) {
    db.close();
    throw new Error(`no article in ${config.indexDir}: run \`npm run -s cli -- ingest\` first`);
  }
  const retriever = openRetriever(store, config);
  const log = createLogger(config.logLevel);
  const answerer = createAnswerer({ retriever, store, chatModel: createChatModel(config), log });
  return {
    answerer,
    store,
    retriever,
    warmUp: () => retriever.warmUp(),
    close: () => db.close(),
  };
}

/** The JSON line of one answer: `{question, answer, citations, found}`. */
export function answerJson(a: Answer): string {
  return JSON.stringify({
    question: a.question,
    answer: a.answer,
    citations: a.citations.map((c) => ({
      n: c.n,
      articleId: c.articleId,
      title: c.title,
      district: c.district,
      date: c.date,
      source: c.source,
      quote: c.quote,
    })),
    found: a.found,
  });
}

/** An answer as text for a terminal: the answer, then each source with its quote. */
export function answerText(a: Answer): string {
  const lines = [a.answer];
  for (const c of a.citations) {
    const meta = [c.district, c.date, c.source].filter(Boolean).join("，");
    lines.push(`[${c.n}] 《${c.title}》（${meta}） id ${c.articleId}`, `    “${c.quote}”`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `ask [--json] [--district X] ["问题"]`: answers one question, or with no
 * question one question per line from stdin (with --json one JSON object
 * per line, in input order). Empty lines are skipped.
 */
export function askCommand(): Command {
  return new Command("ask")
    .description("Answer a question in Chinese from the ingested news, citing the source article")
    .argument("[question...]", "the question, e.g. 卫东区人大常委会主任是谁？ (none: one per line on stdin)")
    .option(
      "--json",
      "print {question, answer, citations:[{n, articleId, title, district, date, source, quote}], found}",
    )
    .option("--district <name>", "only answer from this district's articles, e.g. 陕州区")
    .option(
      "--session <id>",
      "one conversation: follow-ups (他/这个会/还有谁/那X区呢/下一页) use the previous questions of session <id>",
    )
    .action(async (words: string[], opts: { json?: boolean; district?: string; session?: string }) => {
      const config = loadConfig();
      const opened = openAnswerer(config);
      const conv = opts.session
        ? openConversation({ config, store: opened.store, answerer: opened.answerer, retriever: opened.retriever })
        : undefined;
      const key = `cli:${opts.session ?? ""}`;
      const ask = (q: string) =>
        conv
          ? conv.conversation.ask(key, q, { district: opts.district })
          : opened.answerer.ask(q, { district: opts.district });
      const print = (a: Answer) => process.stdout.write(opts.json ? `${answerJson(a)}\n` : answerText(a));
      try {
        const question = words.join(" ").trim();
        if (question) {
          print(await ask(question));
          return;
        }
        if (process.stdin.isTTY) process.stderr.write("one question per line, Ctrl-D to end\n");
        const rl = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        let asked = 0;
        for await (const line of rl) {
          const q = line.trim();
          if (!q) continue;
          asked++;
          print(await ask(q));
        }
        if (asked === 0) throw new Error('no question given: ask "问题", or one question per line on stdin');
      } finally {
        conv?.close();
        opened.close();
      }
    });
}
