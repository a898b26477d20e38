import { createRequire } from "node:module";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config/env.js";
import { withLimits } from "./limits.js";

/**
 * `@langchain/openai`, loaded on first use only: a process with no LLM
 * configured (the default) never pays for importing the OpenAI client.
 */
function chatOpenAI(): typeof ChatOpenAI {
  const load = createRequire(import.meta.url);
  return (load("@langchain/openai") as { ChatOpenAI: typeof ChatOpenAI }).ChatOpenAI;
}

/**
 * The optional chat model, from the `LLM_*` settings: any OpenAI-compatible
 * endpoint (OpenAI, DeepSeek, Qwen/DashScope, Ollama, vLLM) through
 * LangChain's ChatOpenAI with a configurable base URL. Returns undefined when
 * no LLM is configured: callers then use their extractive path, and the
 * OpenAI package is never imported. The model
 * carries the configured limits (`limitsOf`): replies are asked to stay
 * within `LLM_MAX_CHARS` (as tokens, about one per Chinese character) and
 * cut there whatever the endpoint sends; a request is aborted after
 * `LLM_TIMEOUT_MS` and not retried, so a slow endpoint costs one wait.
 */
export function createChatModel(config: Config): BaseChatModel | undefined {
  const llm = config.llm;
  if (!llm) return undefined;
  const ChatOpenAIClass = chatOpenAI();
  const model = new ChatOpenAIClass({
    model: llm.model,
    temperature: llm.temperature,
    apiKey: llm.apiKey ?? "not-needed",
    configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : undefined,
    maxTokens: llm.maxChars,
    maxRetries: 0,
    timeout: llm.timeoutMs,
  }) as unknown as BaseChatModel;
  return withLimits(model, { maxChars: llm.maxChars, timeoutMs: llm.timeoutMs });
}
