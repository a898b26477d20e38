import { createRequire } from "node:module";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config/env.js";

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
 * OpenAI package is never imported.
 */
export function createChatModel(config: Config): BaseChatModel | undefined {
  const llm = config.llm;
  if (!llm) return undefined;
  const ChatOpenAIClass = chatOpenAI();
  return new ChatOpenAIClass({
    model: llm.model,
    temperature: llm.temperature,
    apiKey: llm.apiKey ?? "not-needed",
    configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : undefined,
    maxRetries: 1,
    timeout: 30_000,
  }) as unknown as BaseChatModel;
}
