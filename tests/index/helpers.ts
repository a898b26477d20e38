import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/env.js";
import type { Article } from "../../src/core/types.js";
import type { NewChunk } from "../../src/index/writer.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";
import { storeFile, testArticle } from "../support/articles.js";

/** Project root (for the bundled model). */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A fresh temporary INDEX_DIR and a config pointing at it and at the bundled model. */
export function tempConfig(prefix = "idx-") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = loadConfig({ INDEX_DIR: dir, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
  return { dir, config };
}

/** An article with sensible defaults. */
export function article(p: Partial<Article> & Pick<Article, "id" | "title" | "text">): Article {
  return testArticle(p);
}

/** Stores `articles` as bulletin file `source` (replacing that file's previous articles). */
export function putArticles(
  store: ArticleStore,
  source: string,
  articles: Article[],
  ingestedAt = "2026-01-01T00:00:00.000Z",
): void {
  storeFile(
    store,
    source,
    articles.map((a, i) => ({ ...a, source, seq: i, ingestedAt })),
    ingestedAt,
  );
}

/** Opens the article store of `dir`. */
export function openStore(dir: string): { store: ArticleStore; close: () => void } {
  const db = openDb(dir);
  return { store: new ArticleStore(db), close: () => db.close() };
}

/** A small corpus of distinct topics, for index and retrieval tests. */
export const SAMPLE: Article[] = [
  article({
    id: "a0000001",
    title: "陕州区召开动员部署会",
    district: "陕州区",
    date: "2026-02-01",
    text: "2月1日,陕州区召开推动新一年良好开局动员部署会。区委书记李军出席会议并讲话。\n会上,原店镇、甘棠街道、区发改委作了交流发言。会议强调,要聚焦关键领域精准施策,在招商引资、项目建设中发力。",
  }),
  article({
    id: "a0000002",
    title: "张汭乡开展人居环境整治",
    district: "陕州区",
    date: "2026-02-03",
    text: "近日,张汭乡组织干部群众开展人居环境集中整治行动,共清运沟塘垃圾及各类杂物8吨。乡村面貌焕然一新。",
  }),
  article({
    id: "a0000003",
    title: "卫东区开展文明健康教育进万家宣传活动",
    district: "卫东区",
    date: "2026-02-19",
    text: "2月19日起,卫东区开展文明健康教育进万家宣传活动,志愿者走进社区发放宣传资料,倡导健康生活方式。",
  }),
  article({
    id: "a0000004",
    title: "孟州市召开专项债券申报工作专题会议",
    district: "孟州市",
    date: "2026-03-05",
    text: "3月5日,孟州市召开谋划项目专项债券申报工作专题会议。市领导吕沛、原红波、唐军出席会议。会议要求各单位加快项目谋划,提高申报质量。",
  }),
];

/**
 * The one chunk of made-up article `a<i>` for the index writer: its text is the whole article
 * (`start` 0, `end` its length), stored from "t.txt".
 */
export function testChunk(
  i: number,
  p: {
    text: string;
    title: string;
    district: string | null;
    date: string | null;
    vector: Float32Array;
    tokens: string[];
  },
): NewChunk {
  return {
    row: {
      metadata: {
        chunkId: `a${i}:0`,
        articleId: `a${i}`,
        chunkIndex: 0,
        title: p.title,
        district: p.district,
        date: p.date,
        source: "t.txt",
        start: 0,
        end: p.text.length,
      },
      text: p.text,
      districts: p.district ? [p.district] : [],
      articleVersion: "v1",
    },
    vector: p.vector,
    tokens: p.tokens,
  };
}
