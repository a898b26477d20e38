import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { llmAnswer } from "../../src/answer/llm.js";
import { loadConfig } from "../../src/config/env.js";
import { createChatModel } from "../../src/llm/chat-model.js";
import { DEFAULT_LLM_LIMITS, limitsOf } from "../../src/llm/limits.js";
import { testArticle } from "../support/articles.js";

/** llmAnswer on its own: the cap, the [n] markers, the abort. */

const article = testArticle({ id: "a1", title: "陕州区召开动员部署会", text: "区委书记李军出席会议并讲话。" });
const passages = [{ article, text: "区委书记李军出席会议并讲话。" }];
const model = (reply: string, sleep?: number) => new FakeListChatModel({ responses: [reply], sleep });

describe("llmAnswer", () => {
  it("keeps a sentence that cites an existing passage and states only what it says", async () => {
    const a = await llmAnswer(model("区委书记李军出席会议并讲话。[1]"), "谁出席？", passages, ["李军"]);
    expect(a?.answer).toBe("区委书记李军出席会议并讲话。[1]");
    expect(a?.citations.map((c) => c.articleId)).toEqual(["a1"]);
  });
  it("drops sentences without a marker or with a marker of no passage", async () => {
    for (const reply of ["区委书记李军出席会议并讲话。", "区委书记李军出席会议并讲话。[2]", "李军出席。[1][3]"])
      expect(await llmAnswer(model(reply), "谁出席？", passages, ["李军"])).toBeUndefined();
  });
  it("reads no more than maxChars of the reply, and no sentence cut in half", async () => {
    const s = "区委书记李军出席会议并讲话。[1]";
    const a = await llmAnswer(model(s.repeat(100)), "谁出席？", passages, [], { maxChars: 40 });
    expect(a?.answer).toBe(s.repeat(2));
    const cut = await llmAnswer(
      model(`${s}区委书记李军出席会议并讲话，这句很长很长很长。[1]`),
      "谁出席？",
      passages,
      [],
      {
        maxChars: s.length + 10,
      },
    );
    expect(cut?.answer).toBe(s);
  });
  it("aborts a model that does not answer within timeoutMs", async () => {
    await expect(llmAnswer(model("x", 60_000), "谁出席？", passages, [], { timeoutMs: 50 })).rejects.toThrow(/abort/i);
  });
});

describe("LLM limits", () => {
  it("come from LLM_MAX_CHARS and LLM_TIMEOUT_MS, with defaults of 1500 characters and 20 s", () => {
    const configured = createChatModel(loadConfig({ LLM_MODEL: "m", LLM_MAX_CHARS: "800", LLM_TIMEOUT_MS: "5000" }));
    expect(configured && limitsOf(configured)).toEqual({ maxChars: 800, timeoutMs: 5000 });
    const plain = createChatModel(loadConfig({ LLM_MODEL: "m" }));
    expect(plain && limitsOf(plain)).toEqual({ maxChars: 1500, timeoutMs: 20_000 });
    expect(limitsOf(model("x"))).toEqual(DEFAULT_LLM_LIMITS);
  });
  it("reject a value a user must fix, naming the variable", () => {
    expect(() => loadConfig({ LLM_MODEL: "m", LLM_MAX_CHARS: "lots" })).toThrow(/LLM_MAX_CHARS/);
    expect(() => loadConfig({ LLM_MODEL: "m", LLM_TIMEOUT_MS: "10" })).toThrow(/LLM_TIMEOUT_MS/);
  });
});
