import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncIndex } from "../../src/index/sync.js";
import { parseSearchOptions } from "../../src/retrieve/cli-options.js";
import type { NewsRetriever } from "../../src/retrieve/news-retriever.js";
import { openRetriever } from "../../src/retrieve/open.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { article, openStore, putArticles, SAMPLE, tempConfig } from "../index/helpers.js";

let retriever: NewsRetriever;
let store: ArticleStore;
let cleanup: () => void;

const LONG = article({
  id: "a0000005",
  title: "陕州区推进乡村振兴",
  district: "陕州区",
  districts: ["陕州区", "卫东区"],
  date: "2026-03-10",
  text: Array.from(
    { length: 40 },
    (_, i) => `乡村振兴第${i}项举措:发展特色产业,带动农民增收致富,改善农村人居环境。`,
  ).join(""),
});

beforeAll(async () => {
  const { dir, config } = tempConfig("ret-");
  const s = openStore(dir);
  store = s.store;
  putArticles(store, "day.txt", [...SAMPLE, LONG]);
  await syncIndex(store, config);
  retriever = openRetriever(store, config);
  cleanup = () => {
    s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});
afterAll(() => cleanup());

describe("NewsRetriever", () => {
  it("finds the article that answers a question, in every mode, with scores best first", async () => {
    for (const mode of ["hybrid", "dense", "bm25"] as const) {
      const docs = await retriever.search("谁出席了陕州区动员部署会", { k: 3, mode });
      expect(docs[0]?.metadata.articleId, mode).toBe("a0000001");
      const scores = docs.map((d) => d.metadata.score ?? 0);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("normalizes traditional Chinese and full-width characters in the question", async () => {
    const docs = await retriever.search("孟州市專項債券申報會議有哪些市領導出席？", { k: 1 });
    expect(docs[0]?.metadata.articleId).toBe("a0000004");
  });

  it("filters by district (main or named) and by date range", async () => {
    const wd = await retriever.search("开展活动", { k: 10, district: "卫东区" });
    expect(new Set(wd.map((d) => d.metadata.articleId))).toEqual(new Set(["a0000003", "a0000005"]));
    const feb = await retriever.search("会议", { k: 10, dateFrom: "2026-02-01", dateTo: "2026-02-28" });
    expect(feb.length).toBeGreaterThan(0);
    for (const d of feb) expect(d.metadata.date! >= "2026-02-01" && d.metadata.date! <= "2026-02-28").toBe(true);
    expect(await retriever.search("会议", { district: "不存在区" })).toEqual([]);
  });

  it("returns at most maxPerArticle chunks of one article", async () => {
    const capped = await retriever.search("乡村振兴举措", { k: 10, maxPerArticle: 2 });
    expect(capped.filter((d) => d.metadata.articleId === "a0000005")).toHaveLength(2);
    const uncapped = await retriever.search("乡村振兴举措", { k: 10, maxPerArticle: 0 });
    expect(uncapped.filter((d) => d.metadata.articleId === "a0000005").length).toBeGreaterThan(2);
  });

  it("is a LangChain retriever: invoke returns Documents with chunk text and metadata", async () => {
    const docs = await retriever.invoke("张汭乡清运了多少吨垃圾");
    expect(docs.length).toBeGreaterThan(0);
    const top = docs[0]!;
    expect(top.metadata.articleId).toBe("a0000002");
    expect(top.pageContent).toContain("8吨");
    expect(store.get("a0000002")?.text.slice(top.metadata.start, top.metadata.end)).toBe(top.pageContent);
  });

  it("returns nothing for an empty question, and drops articles deleted from the store", async () => {
    expect(await retriever.search("   ")).toEqual([]);
    putArticles(store, "day.txt", SAMPLE.slice(1), "2026-01-05T00:00:00.000Z");
    const docs = await retriever.search("谁出席了陕州区动员部署会", { k: 5 });
    expect(docs.map((d) => d.metadata.articleId)).not.toContain("a0000001");
  });
});

describe("parseSearchOptions", () => {
  it("validates k, mode and dates with actionable messages", () => {
    expect(parseSearchOptions({ k: "3", mode: "bm25", dateFrom: "2026-01-01" })).toMatchObject({
      k: 3,
      mode: "bm25",
      dateFrom: "2026-01-01",
    });
    expect(() => parseSearchOptions({ k: "0" })).toThrow(/--k/);
    expect(() => parseSearchOptions({ k: "abc" })).toThrow(/--k/);
    expect(() => parseSearchOptions({ mode: "fuzzy" })).toThrow(/hybrid, dense, bm25/);
    expect(() => parseSearchOptions({ dateFrom: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
    expect(() => parseSearchOptions({ dateFrom: "2026-03-01", dateTo: "2026-02-01" })).toThrow(/after/);
  });
});
