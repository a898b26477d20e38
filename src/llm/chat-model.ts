import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config/env.js";

/**
 * The optional chat model, from the `LLM_*` settings: any OpenAI-compatible
 * endpoint (OpenAI, DeepSeek, Qwen/DashScope, Ollama, vLLM) through
 * LangChain's ChatOpenAI with a configurable base URL. Returns undefined when
 * no LLM is configured: callers then use their extractive path.
 */
export function createChatModel(config: Config): BaseChatModel | undefined {
  const llm = config.llm;
  if (!llm) return undefined;
  return new ChatOpenAI({
    model: llm.model,
    temperature: llm.temperature,
    apiKey: llm.apiKey ?? "not-needed",
    configuration: llm.baseUrl ? { baseURL: llm.baseUrl } : undefined,
    maxRetries: 1,
    timeout: 30_000,
  });
}
