import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/app/ingest.js";
import { evaluateRetrieval, readEvalCases } from "../../src/retrieve/eval.js";
import type { NewsRetriever } from "../../src/retrieve/news-retriever.js";
import { openRetriever } from "../../src/retrieve/open.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { openStore, ROOT, tempConfig } from "../index/helpers.js";

const BULLETINS = path.resolve(ROOT, "../shared/bulletins");
const QUESTIONS = path.resolve(ROOT, "../shared/eval/questions.jsonl");

describe.skipIf(!fs.existsSync(BULLETINS))("end to end on the sample bulletins", () => {
  let store: ArticleStore;
  let retriever: NewsRetriever;
  let cleanup: () => void;

  beforeAll(async () => {
    const { dir, config } = tempConfig("e2e-");
    const s = openStore(dir);
    store = s.store;
    await runIngest([BULLETINS], store, config);
    retriever = openRetriever(store, config);
    cleanup = () => {
      s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }, 600_000);
  afterAll(() => cleanup?.());

  it("ranks the 动员部署会 article first for 谁出席了陕州区动员部署会, quoting its text", async () => {
    const docs = await retriever.search("谁出席了陕州区动员部署会", { k: 5 });
    const top = docs[0]!;
    expect(top.metadata.title).toContain("动员部署会");
    expect(top.metadata.district).toBe("陕州区");
    const a = store.get(top.metadata.articleId)!;
    expect(a.text.slice(top.metadata.start, top.metadata.end)).toBe(top.pageContent);
  });

  it("filters by district on real articles", async () => {
    const docs = await retriever.search("召开会议", { k: 10, district: "孟州市" });
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const a = store.get(d.metadata.articleId)!;
      expect(a.district === "孟州市" || a.districts.includes("孟州市")).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync(QUESTIONS))(
    "hybrid finds the expected article in the top 5 for every sample question",
    async () => {
      const { scores } = await evaluateRetrieval(readEvalCases(QUESTIONS), (q, o) => retriever.search(q, o), [
        "dense",
        "bm25",
        "hybrid",
      ]);
      const by = Object.fromEntries(scores.map((s) => [s.mode, s]));
      expect(by.hybrid!.n).toBeGreaterThan(0);
      expect(by.hybrid!.hit5).toBe(1);
      expect(by.hybrid!.mrr).toBeGreaterThanOrEqual(Math.max(by.dense!.mrr, by.bm25!.mrr));
    },
  );
});
