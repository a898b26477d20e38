import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";

describe("loadConfig", () => {
  it("gives working offline defaults with no environment", () => {
    const c = loadConfig({}, "/proj");
    expect(c.indexDir).toBe(path.resolve("/proj/index"));
    expect(c.bulletinsDir).toBe(path.resolve("/proj/data/bulletins"));
    expect(c.embedding.model).toBe("Xenova/bge-small-zh-v1.5");
    expect(c.embedding.allowRemote).toBe(false);
    expect(c.embedding.pooling).toBe("cls");
    expect(c.llm).toBeUndefined();
    expect(c.telegram.token).toBeUndefined();
    expect(c.telegram.allowedChatIds).toEqual([]);
    expect(c.digest.subscriptionsDb).toBe(path.resolve("/proj/index/subscriptions.db"));
  });

  it("reads INDEX_DIR so two indexes can live side by side", () => {
    const c = loadConfig({ INDEX_DIR: "index-big" }, "/proj");
    expect(c.indexDir).toBe(path.resolve("/proj/index-big"));
    expect(c.digest.subscriptionsDb).toBe(path.resolve("/proj/index-big/subscriptions.db"));
  });

  it("parses chat id lists and booleans", () => {
    const c = loadConfig({ ALLOWED_CHAT_IDS: "1, -1002, 3", ADMIN_CHAT_IDS: "42", EMBEDDING_ALLOW_REMOTE: "true" });
    expect(c.telegram.allowedChatIds).toEqual([1, -1002, 3]);
    expect(c.telegram.adminChatIds).toEqual([42]);
    expect(c.embedding.allowRemote).toBe(true);
  });

  it("enables the LLM only when configured", () => {
    const c = loadConfig({ LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "qwen2.5" });
    expect(c.llm).toMatchObject({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5", temperature: 0 });
  });

  it("names every bad variable in one error", () => {
    expect(() => loadConfig({ ADMIN_CHAT_IDS: "abc", DIGEST_DEFAULT_TIME: "25:00", LOG_LEVEL: "loud" })).toThrow(
      /ADMIN_CHAT_IDS[\s\S]*(LOG_LEVEL|DIGEST_DEFAULT_TIME)/,
    );
  });
});
