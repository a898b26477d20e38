import fs from "node:fs";
import path from "node:path";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answerer, createAnswerer } from "../../src/answer/answerer.js";
import { judge, parseEvalCases } from "../../src/answer/eval.js";
import type { Answer } from "../../src/core/types.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { storeFile, testArticle } from "../support/articles.js";
import { FakeNewsRetriever } from "./fixtures/fake-retriever.js";
import { sampleArticles } from "./fixtures/sample-articles.js";
import { sampleStore } from "./fixtures/setup.js";

let store: ArticleStore;
let retriever: FakeNewsRetriever;
let dir: string;
let answerer: Answerer;

beforeAll(() => {
  ({ store, retriever, dir } = sampleStore());
  answerer = createAnswerer({ store, retriever });
});
afterAll(() => {
  store.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The contract every answer keeps: markers match citations, quotes are exact article text. */
function expectWellFormed(a: Answer): void {
  if (!a.found) {
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/^没有在已收录的新闻中找到/);
    return;
  }
  const markers = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(markers.length).toBeGreaterThan(0);
  expect(new Set(markers)).toEqual(new Set(a.citations.map((c) => c.n)));
  for (const c of a.citations) {
    const article = store.get(c.articleId);
    expect(article?.title).toBe(c.title);
    for (const part of c.quote.split("……")) expect(article?.text).toContain(part);
  }
  expect(a.answer.length).toBeLessThan(400);
}

const sharedEval = path.resolve(import.meta.dirname, "../../../shared/eval/questions.jsonl");
const ownEval = path.resolve(import.meta.dirname, "own-questions.jsonl");

describe.each([
  ["the shared eval sample", sharedEval],
  ["our own questions about other articles", ownEval],
])("%s", (_name, file) => {
  const cases = fs.existsSync(file) ? parseEvalCases(fs.readFileSync(file, "utf8")) : [];
  it.skipIf(cases.length === 0).each(cases.map((c) => [c.id ?? c.q, c] as const))("%s", async (_id, c) => {
    const a = await answerer.ask(c.q);
    expectWellFormed(a);
    const r = judge(c, a, 0);
    expect({ answer: a.answer, title: r.firstTitle, answerOk: r.answerOk, citationOk: r.citationOk }).toMatchObject({
      answerOk: true,
    });
    expect(r.citationOk).not.toBe(false);
  });
});

describe("answers", () => {
  it("lists every attendee with the post printed before them", async () => {
    const a = await answerer.ask("陕州区动员部署会有哪些区领导出席？");
    expect(a.answer).toContain("区委书记李军出席会议并讲话");
    expect(a.answer).toContain(
      "区领导何飞、孔利亚、吴自力、杨玉秋、王胜军、蒋立庆、樊卫星、张倩、丁锐、李刚、王宁、李志高等出席会议",
    );
  });
  it("answers in one short sentence led by its source", async () => {
    const a = await answerer.ask("解放区大气污染防治攻坚工作推进会由谁主持？");
    expect(a.answer).toBe(
      "据《解放区召开大气污染防治攻坚工作推进会》（解放区，2024-11-11），区委常委、常务副区长刘海霞主持会议。[1]",
    );
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]?.quote).toContain("刘海霞主持会议");
  });
  it("answers a traditional-Chinese question like its simplified twin", async () => {
    const t = await answerer.ask("衛東區人大常委會主任是誰？");
    const s = await answerer.ask("卫东区人大常委会主任是谁？");
    expect(t.answer).toBe(s.answer);
    expect(t.answer).toContain("朱孝哲");
  });
  it("answers a post question without a place for each district, each cited", async () => {
    const a = await answerer.ask("区委书记是谁？");
    expectWellFormed(a);
    expect(a.citations.length).toBeGreaterThan(1);
    const districts = a.citations.map((c) => c.district);
    expect(new Set(districts).size).toBe(districts.length);
    for (const c of a.citations) expect(a.answer).toContain(`[${c.n}]`);
  });
  it("keeps to the asked district", async () => {
    const a = await answerer.ask("人大常委会主任是谁？", { district: "卫东区" });
    expect(a.answer).toContain("朱孝哲");
    const b = await answerer.ask("解放区人大常委会主任是谁？");
    expect(b.found).toBe(false);
  });
});

describe("not in the news", () => {
  it.each([
    "天津港今年的集装箱吞吐量是多少？",
    "陕州区动员部署会由谁主持？",
    "上海市浦东新区去年的GDP是多少？",
    "北京冬奥会开幕式由谁主持？",
  ])("says so and cites nothing: %s", async (q) => {
    const a = await answerer.ask(q);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer).toContain("没有在已收录的新闻中找到");
  });
  it("handles empty and junk input", async () => {
    for (const q of ["", "   ", "？？？", "\u0000\u0001", "a".repeat(5000)]) {
      const a = await answerer.ask(q);
      expect(a.found).toBe(false);
      expect(a.citations).toEqual([]);
    }
  });
  it("still answers from titles when the retriever fails", async () => {
    const broken = createAnswerer({
      store,
      retriever: {
        invoke: async () => {
          throw new Error("index missing");
        },
      },
    });
    const a = await broken.ask("卫东区政协九届五次会议补选了几名常务委员会委员？");
    expect(a.answer).toContain("6名");
  });
});

/** A FakeListChatModel whose reply is written from the prompt it gets (passages are numbered at run time). */
function fakeModel(reply: (prompt: string) => string | Error): { model: FakeListChatModel; prompts: string[] } {
  const model = new FakeListChatModel({ responses: ["unused"] });
  const prompts: string[] = [];
  const invoke = model.invoke.bind(model);
  model.invoke = (async (input: unknown, options?: unknown) => {
    const text = JSON.stringify(input);
    prompts.push(text);
    const r = reply(text);
    if (r instanceof Error) throw r;
    model.responses = [r];
    model.i = 0;
    return invoke(input as never, options as never);
  }) as typeof model.invoke;
  return { model, prompts };
}

/** The number of the passage containing `needle` in a formatted prompt. */
function passageWith(prompt: string, needle: string): number {
  const m = [...prompt.matchAll(/\[(\d+)\]《[^\n\\]*?：([^\n\\]*)/g)].find((x) => x[2]?.includes(needle));
  if (!m) throw new Error(`no passage with ${needle}`);
  return Number(m[1]);
}

describe("with an LLM", () => {
  const q = "解放区大气污染防治攻坚工作推进会由谁主持？";

  it("uses the model's answer when it cites passages that contain its names", async () => {
    const { model, prompts } = fakeModel((p) => `会议由区委常委、常务副区长刘海霞主持。[${passageWith(p, "刘海霞")}]`);
    const a = await createAnswerer({ store, retriever, chatModel: model }).ask(q);
    expect(prompts[0]).toContain("问题：解放区大气污染防治攻坚工作推进会由谁主持");
    expect(a.answer).toBe("会议由区委常委、常务副区长刘海霞主持。[1]");
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]?.quote).toContain("刘海霞");
    expectWellFormed(a);
  });
  it("drops a sentence with a name not in its cited passage, and falls back to the extractive answer", async () => {
    const { model } = fakeModel((p) => `会议由区长王大明主持。[${passageWith(p, "刘海霞")}]`);
    const a = await createAnswerer({ store, retriever, chatModel: model }).ask(q);
    expect(a.answer).not.toContain("王大明");
    expect(a.answer).toContain("刘海霞主持会议");
  });
  it("drops a sentence with a wrong number", async () => {
    const { model } = fakeModel((p) => `张汭乡清运沟塘垃圾及各类杂物9吨。[${passageWith(p, "8吨")}]`);
    const a = await createAnswerer({ store, retriever, chatModel: model }).ask(
      "张汭乡清运了多少吨沟塘垃圾及各类杂物？",
    );
    expect(a.answer).toContain("8吨");
    expect(a.answer).not.toContain("9吨");
  });
  it("ignores sentences without a [n] marker, a declining model, and a failing model", async () => {
    for (const reply of ["刘海霞主持了会议。", "没有在已收录的新闻中找到相关信息。", new Error("503")]) {
      const { model } = fakeModel(() => reply);
      const a = await createAnswerer({ store, retriever, chatModel: model }).ask(q);
      expect(a.answer).toContain("区委常委、常务副区长刘海霞主持会议。[1]");
    }
  });
  it("gives up on a slow model, and skips a failing one for a while", async () => {
    let calls = 0;
    let clock = 0;
    const slow = new FakeListChatModel({ responses: ["x"] });
    slow.invoke = (async () => {
      calls++;
      return new Promise(() => undefined); // never answers
    }) as typeof slow.invoke;
    const ans = createAnswerer({
      store,
      retriever,
      chatModel: slow,
      llmTimeoutMs: 50,
      llmBackoffMs: 1000,
      now: () => clock,
    });
    expect((await ans.ask(q)).answer).toContain("刘海霞主持会议");
    expect((await ans.ask(q)).answer).toContain("刘海霞主持会议");
    expect(calls).toBe(1);
    clock = 2000;
    await ans.ask(q);
    expect(calls).toBe(2);
  });
  it("is not asked when the news has nothing on the question", async () => {
    const { model, prompts } = fakeModel(() => "天津港吞吐量为100万标箱。[1]");
    const a = await createAnswerer({ store, retriever, chatModel: model }).ask("天津港今年的集装箱吞吐量是多少？");
    expect(a.found).toBe(false);
    expect(prompts).toEqual([]);
  });
});

describe("repeated paragraphs", () => {
  it("never quotes a paragraph the page repeats from an earlier article", async () => {
    const { store: s2, dir: d2 } = sampleStore();
    try {
      const orig = s2.get("a0000003");
      if (!orig) throw new Error("sample a0000003 missing");
      // A later article whose only paragraph repeats 张汭乡's figures.
      const copy = {
        ...orig,
        id: "rep00001",
        source: "zz.txt",
        title: orig.title,
        text: orig.text,
        repeatedParagraphs: orig.text.split("\n").map((_, i) => i),
      };
      s2.putFile(
        {
          source: "zz.txt",
          path: "/x/zz.txt",
          hash: "zz",
          size: 1,
          encoding: "utf-8",
          articleCount: 1,
          ingestedAt: "2026-01-02T00:00:00.000Z",
        },
        [copy],
      );
      // The copy comes first from the retriever: only the repeated-paragraph rule keeps it out.
      const first = new FakeNewsRetriever([copy, ...sampleArticles()]);
      const a = await createAnswerer({ store: s2, retriever: first }).ask("张汭乡清运了多少吨沟塘垃圾及各类杂物？");
      expect(a.citations.map((c) => c.articleId)).toEqual(["a0000003"]);
    } finally {
      s2.db.close();
      fs.rmSync(d2, { recursive: true, force: true });
    }
  });

  it("answers a where question by the verb it asks about (在哪里闭幕)", async () => {
    const { store: s2, dir: d2 } = sampleStore();
    try {
      const closing = testArticle({
        id: "close001",
        source: "national.txt",
        title: "十三届全国人大常委会第三十四次会议闭幕",
        text: "十三届全国人大常委会第三十四次会议20日上午在北京人民大会堂闭幕。会议表决通过了期货和衍生品法。",
      });
      storeFile(s2, "national.txt", [closing], "2026-01-02T00:00:00.000Z");
      const r = new FakeNewsRetriever([closing, ...sampleArticles()]);
      const a = await createAnswerer({ store: s2, retriever: r }).ask("十三届全国人大常委会第三十四次会议在哪里闭幕？");
      expect(a.found).toBe(true);
      expect(a.answer).toContain("北京人民大会堂");
      expect(a.answer).toContain("[1]");
      expect(closing.text).toContain(a.citations[0]?.quote ?? "-");
      expect(a.citations[0]?.articleId).toBe("close001");
    } finally {
      s2.db.close();
      fs.rmSync(d2, { recursive: true, force: true });
    }
  });
});
