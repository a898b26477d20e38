import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Answerer, createAnswerer } from "../../src/answer/answerer.js";
import { renderAnswer } from "../../src/bot/format/answer.js";
import { loadConfig } from "../../src/config/env.js";
import type { Answer } from "../../src/core/types.js";
import { createLlmSummarizer } from "../../src/digest/llm-summary.js";
import { createChatModel } from "../../src/llm/chat-model.js";
import { createLogger } from "../../src/log.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { type FakeOpenAI, startFakeOpenAI } from "./fixtures/fake-openai.js";
import type { FakeNewsRetriever } from "./fixtures/fake-retriever.js";
import { sampleStore } from "./fixtures/setup.js";
import { INJECTED, INVENTED_NAMES, INVENTED_NUMBERS } from "./guard-attacks.js";

/**
 * Issue #11 items 1 and 9 against a real ChatOpenAI talking to a fake
 * OpenAI-compatible endpoint (tests/answer/fixtures/fake-openai.ts): an
 * inventing model, a flood, a key echoed in an error, a stalled and a
 * trickling stream. Passage [1] of the question below is the sentence with
 * 李军 and the list of 区领导.
 */

const KEY = 'sk-Ab3$d.e*f+g?h(i)|j\\k"l/m=n&o~p';
const Q = "陕州区动员部署会有哪些区领导出席？";

let store: ArticleStore;
let retriever: FakeNewsRetriever;
let dir: string;
let fake: FakeOpenAI;
let extractive: Answer;
const logged: string[] = [];

function modelFor(timeoutMs = 1000) {
  const model = createChatModel(
    loadConfig({ LLM_BASE_URL: fake.url, LLM_API_KEY: KEY, LLM_MODEL: "fake", LLM_TIMEOUT_MS: String(timeoutMs) }),
  );
  if (!model) throw new Error("no model");
  return model;
}

function answerer(timeoutMs = 1000): Answerer {
  const destination = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  return createAnswerer({
    store,
    retriever,
    chatModel: modelFor(timeoutMs),
    log: createLogger("info", { destination }),
    llmTimeoutMs: timeoutMs,
    llmBackoffMs: 0,
  });
}

beforeAll(async () => {
  vi.stubEnv("LLM_API_KEY", KEY);
  ({ store, retriever, dir } = sampleStore());
  fake = await startFakeOpenAI({ kind: "reply", content: "" });
  extractive = await createAnswerer({ store, retriever }).ask(Q);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  store.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an inventing endpoint", () => {
  it("is used when it states only what passage [1] says", async () => {
    fake.behaviour = { kind: "reply", content: "区委书记李军出席会议并讲话。[1]" };
    const a = await answerer().ask(Q);
    expect(a.answer).toBe("区委书记李军出席会议并讲话。[1]");
  });
  it.each([...INVENTED_NAMES, ...INVENTED_NUMBERS, ...INJECTED])("never reaches the user with %s", async (s) => {
    fake.behaviour = { kind: "reply", content: `${s.replace(/。$/, "")}[1]。` };
    const a = await answerer().ask(Q);
    expect(a.answer).toBe(extractive.answer);
  });
  it("drops a sentence citing a passage that does not exist", async () => {
    fake.behaviour = { kind: "reply", content: "区委书记李军出席会议并讲话。[1][9]" };
    expect((await answerer().ask(Q)).answer).toBe(extractive.answer);
  });
  it("is cut at LLM_MAX_CHARS: a 204,000-character reply is one message", async () => {
    const sentence = "区委书记李军出席会议并讲话。[1]";
    fake.behaviour = { kind: "reply", content: sentence.repeat(Math.ceil(204_000 / sentence.length)) };
    const a = await answerer().ask(Q);
    expect(a.answer.length).toBeGreaterThan(1000);
    expect(a.answer.length).toBeLessThanOrEqual(1500);
    expect(renderAnswer(a).messages).toHaveLength(1);
  });
  it("asks the endpoint for no more than LLM_MAX_CHARS tokens", () => {
    const body = fake.requests.at(-1) as { max_tokens?: number; max_completion_tokens?: number };
    expect(body.max_tokens ?? body.max_completion_tokens).toBe(1500);
  });
});

describe("an endpoint that echoes the API key", () => {
  it("has the key in no log line and not in the answer", async () => {
    logged.length = 0;
    fake.behaviour = {
      kind: "error",
      status: 401,
      message: `Incorrect API key provided: ${KEY} (${encodeURIComponent(KEY)})`,
    };
    const a = await answerer().ask(Q);
    expect(a.answer).toBe(extractive.answer);
    const log = logged.join("");
    expect(log).toContain("LLM answer failed");
    expect(log).toContain("<redacted>");
    for (const form of [KEY, encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1), "Ab3$d.e*f"])
      expect(log).not.toContain(form);
  });
  it("has the key in no digest log line either", async () => {
    logged.length = 0;
    const destination = new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const summarize = createLlmSummarizer(modelFor(), { log: createLogger("info", { destination }) });
    const article = store.get("a0000001");
    if (!article) throw new Error("sample a0000001 missing");
    await summarize(article);
    const log = logged.join("");
    expect(log).toContain("rejected");
    expect(log).not.toContain("Ab3$d.e*f");
  });
});

describe("a stalled or trickling endpoint", () => {
  it.each([
    ["stalled", { kind: "stall" } as const],
    ["trickling", { kind: "trickle", everyMs: 100 } as const],
  ])("gives the extractive answer within the timeout and leaves no request open (%s)", async (_name, b) => {
    fake.behaviour = b;
    const a = await answerer(1000).ask(Q);
    expect(a.answer).toBe(extractive.answer);
    // The request was aborted, not abandoned: its connection closes.
    await fake.drained();
    expect(fake.open()).toBe(0);
  });

  it.each([
    ["stalled", { kind: "stall" } as const],
    ["trickling", { kind: "trickle", everyMs: 100 } as const],
  ])(
    "lets a process that asked end by itself (%s)",
    async (_name, b) => {
      fake.behaviour = b;
      const script = path.join(import.meta.dirname, "fixtures/ask-once.ts");
      const child = spawn(process.execPath, ["--import", "tsx", script, Q], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, LLM_BASE_URL: fake.url, LLM_API_KEY: KEY, LLM_MODEL: "fake", LLM_TIMEOUT_MS: "1000" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (c) => {
        out += c;
      });
      child.stderr.on("data", (c) => {
        err += c;
      });
      // A hang shows as this test's timeout; the child exits on its own, with code 0.
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect({ code, err: err.includes(KEY) }).toEqual({ code: 0, err: false });
      expect((JSON.parse(out) as Answer).answer).toBe(extractive.answer);
    },
    60_000,
  );
});
