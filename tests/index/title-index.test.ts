import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";
import { titleGrams, titleQuery } from "../../src/store/title-grams.js";
import { storeFile, testArticle } from "../support/articles.js";
import { tempConfig } from "./helpers.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open() {
  const { dir } = tempConfig("titles-");
  dirs.push(dir);
  const db = openDb(dir);
  return { dir, db, store: new ArticleStore(db) };
}

const TITLES = [
  { id: "t1", title: "陕州区召开 奋进“十五五”、拼抢“开门红”动员部署会", date: "2026-02-01" },
  { id: "t2", title: "解放区召开大气污染防治攻坚工作推进会", date: "2024-11-11" },
  { id: "t3", title: "5G网络建设推进会在孟州市召开", date: "2020-03-28" },
  { id: "t4", title: "孟州市委常委会暨理论学习中心组学习会召开", date: "2020-03-27" },
];

/** What `title LIKE '%f%'` finds (the scan the index replaced), most recently stored first: the reference. */
function likeIds(store: ArticleStore, fragment: string): string[] {
  return store.db
    .prepare("SELECT id FROM articles WHERE title LIKE ? ORDER BY rowid DESC")
    .pluck()
    .all(`%${fragment}%`) as string[];
}

describe("titleGrams / titleQuery", () => {
  it("indexes a title as overlapping bigrams with non-letters folded, queries a fragment as their phrase", () => {
    expect(titleGrams("陕州区会")).toBe("陕州 州区 区会 会x");
    expect(titleGrams("5G“网”")).toBe("5g gx x网 网x xx");
    expect(titleQuery("州区")).toBe('"州区"');
    expect(titleQuery("大气污染")).toBe('"大气 气污 污染"');
    expect(titleQuery("区")).toBe('"区"*');
    expect(titleQuery("")).toBeUndefined();
  });
});

describe("ArticleStore.idsByTitle (FTS5)", () => {
  it("finds exactly the titles containing the fragment, most recently stored first, like the LIKE scan", () => {
    const { store } = open();
    storeFile(
      store,
      "a.txt",
      TITLES.map((t, seq) => testArticle({ ...t, seq, source: "a.txt" })),
      "2026-01-01T00:00:00.000Z",
    );
    for (const f of [
      "召开",
      "推进会",
      "十五五",
      "“十五五”",
      "孟州市",
      "5g",
      "5G网络",
      "会",
      "区",
      "学习会召开",
      "不存在的词",
      "开门红”动员",
    ]) {
      expect(store.idsByTitle(f), f).toEqual(likeIds(store, f));
    }
    expect(store.idsByTitle("召开", 2)).toEqual(["t4", "t3"]);
    expect(store.idsByTitle("")).toEqual([]);
  });

  it("stays in step when a file is replaced or removed", () => {
    const { store } = open();
    storeFile(store, "a.txt", [testArticle({ id: "x1", title: "山阳区安全生产会议", source: "a.txt" })], "2026-01-01");
    storeFile(store, "b.txt", [testArticle({ id: "y1", title: "山阳区环境整治会议", source: "b.txt" })], "2026-01-01");
    expect(store.idsByTitle("山阳区").sort()).toEqual(["x1", "y1"]);
    storeFile(store, "a.txt", [testArticle({ id: "x2", title: "卫东区安全生产会议", source: "a.txt" })], "2026-01-02");
    expect(store.idsByTitle("安全生产")).toEqual(["x2"]);
    expect(store.idsByTitle("山阳区")).toEqual(["y1"]);
    store.removeFile("b.txt");
    expect(store.idsByTitle("山阳区")).toEqual([]);
    expect(store.db.prepare("SELECT COUNT(*) FROM article_titles").pluck().get()).toBe(1);
  });

  it("fills the index of a database written before it existed", () => {
    const { dir, db, store } = open();
    storeFile(
      store,
      "a.txt",
      [testArticle({ id: "x1", title: "中原区招商引资推介会", source: "a.txt" })],
      "2026-01-01",
    );
    db.exec("DROP TABLE article_titles");
    db.close();
    const db2 = openDb(dir);
    try {
      expect(new ArticleStore(db2).idsByTitle("推介会")).toEqual(["x1"]);
    } finally {
      db2.close();
    }
  });

  it("answers through the FTS index, not by scanning the articles table", () => {
    const { store } = open();
    store.idsByTitle("召开");
    const plan = store.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT t.id, a.title FROM article_titles t JOIN articles a ON a.id = t.id WHERE article_titles MATCH ? ORDER BY t.rowid DESC",
      )
      .all('grams : "召开"') as { detail: string }[];
    const details = plan.map((p) => p.detail).join("\n");
    expect(details).toMatch(/VIRTUAL TABLE INDEX/);
    expect(details).not.toMatch(/SCAN a\b/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
