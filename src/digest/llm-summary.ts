import fs from "node:fs";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { PromptTemplate } from "@langchain/core/prompts";
import type { Config } from "../config/env.js";
import type { Article } from "../core/types.js";
import { extractFacts } from "../facts/extract.js";
import { factName } from "../facts/types.js";
import { createChatModel } from "../llm/chat-model.js";
import { deadline, limitsOf, untilAborted } from "../llm/limits.js";
import { extractiveSummarizer, type Summarizer, summarizeArticle, unsupportedTerms } from "./summarize.js";

/** The default prompt template: `prompts/digest-summary.md` (variables `{title}`, `{text}`, `{max_chars}`). */
export const DIGEST_PROMPT_PATH = new URL("../../prompts/digest-summary.md", import.meta.url);

/** Something that can log a warning (a pino logger fits). */
export interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/** Options of `createLlmSummarizer`. */
export interface LlmSummarizerOptions {
  /** Prompt template text; default: the file at `DIGEST_PROMPT_PATH`. */
  template?: string;
  /** Longest accepted summary in characters (default 150); longer answers fall back to extractive. */
  maxLength?: number;
  /** Article text sent to the model is cut to this many characters (default 2000). */
  maxInput?: number;
  /** Longest wait for one summary in ms (default: the model's `LLM_TIMEOUT_MS`); the request is then aborted. */
  timeoutMs?: number;
  log?: WarnLogger;
}

/**
 * A summarizer that asks `model` (any LangChain chat model) for a one- or
 * two-sentence summary with the prompts/ template. It falls back to the
 * extractive summary, and logs why, when the model fails, answers empty or
 * too long, does not answer within the timeout (the request is aborted), or
 * states a name or number that is not in the article (`unsupportedTerms`,
 * the answer guard): a wrong name is worse than a plain summary.
 */
export function createLlmSummarizer(model: BaseChatModel, opts: LlmSummarizerOptions = {}): Summarizer {
  const template = opts.template ?? fs.readFileSync(DIGEST_PROMPT_PATH, "utf8");
  const maxLength = opts.maxLength ?? 150;
  const maxInput = opts.maxInput ?? 2000;
  const timeoutMs = opts.timeoutMs ?? limitsOf(model).timeoutMs;
  const chain = PromptTemplate.fromTemplate(template).pipe(model).pipe(new StringOutputParser());
  return async (article: Article) => {
    const fallback = () => summarizeArticle(article);
    try {
      const signal = deadline(timeoutMs);
      const input = { title: article.title, text: article.text.slice(0, maxInput), max_chars: String(100) };
      const out = (await untilAborted(chain.invoke(input, { signal }), signal)).replace(/\s+/g, " ").trim();
      if (!out) throw new Error("empty answer");
      if (out.length > maxLength) throw new Error(`answer too long (${out.length} chars)`);
      const people = extractFacts(article).flatMap((f) => factName(f) ?? []);
      const missing = unsupportedTerms(out, `${article.title}\n${article.subtitle ?? ""}\n${article.text}`, people);
      if (missing.length) throw new Error(`names or numbers not in the article: ${missing.join(", ")}`);
      return out;
    } catch (err) {
      opts.log?.warn(
        { articleId: article.id, err: err instanceof Error ? err.message : String(err) },
        "LLM digest summary rejected; using the extractive summary",
      );
      return fallback();
    }
  };
}

/**
 * The summarizer the configuration asks for: through the LLM when `LLM_*`
 * is set (`createChatModel`), otherwise extractive and offline.
 */
export function createSummarizer(config: Config, log?: WarnLogger): Summarizer {
  const model = createChatModel(config);
  return model ? createLlmSummarizer(model, { log }) : extractiveSummarizer;
}
