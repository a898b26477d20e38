import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/core/types.js";
import { ArticleStore, type FileRecord } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";

const dirs: string[] = [];
function tmpStore(): ArticleStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-"));
  dirs.push(dir);
  return new ArticleStore(openDb(dir));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function article(over: Partial<Article>): Article {
  return {
    id: "00000000",
    source: "a.txt",
    seq: 0,
    title: "标题",
    subtitle: null,
    district: "陕州区",
    districts: ["陕州区"],
    date: "2026-02-01",
    dateText: "2月1日",
    byline: null,
    text: "正文。",
    repeatedParagraphs: [],
    ingestedAt: "2026-02-01T00:00:00.000Z",
    ...over,
  };
}
function file(source: string, hash = "h"): FileRecord {
  return {
    source,
    path: `/x/${source}`,
    hash,
    size: 1,
    encoding: "utf-8",
    articleCount: 0,
    ingestedAt: "2026-02-01T00:00:00.000Z",
  };
}

describe("ArticleStore", () => {
  it("stores and reads back articles in page order", () => {
    const s = tmpStore();
    s.putFile(file("a.txt"), [
      article({ id: "a1", seq: 1, title: "二" }),
      article({ id: "a0", seq: 0, title: "一", districts: ["陕州区", "孟州市"] }),
    ]);
    expect(s.list().map((a) => a.title)).toEqual(["一", "二"]);
    expect(s.get("a0")?.districts).toEqual(["陕州区", "孟州市"]);
    expect(s.getFile("a.txt")?.articleCount).toBe(2);
    expect(s.count()).toBe(2);
  });

  it("replaces a file's articles and removes files with their articles", () => {
    const s = tmpStore();
    s.putFile(file("a.txt"), [article({ id: "a0" }), article({ id: "a1", seq: 1 })]);
    s.putFile(file("b.txt"), [article({ id: "b0", source: "b.txt" })]);
    s.putFile(file("a.txt", "h2"), [article({ id: "a9" })]);
    expect(s.ids().sort()).toEqual(["a9", "b0"]);
    expect(s.removeFile("b.txt")).toBe(true);
    expect(s.removeFile("b.txt")).toBe(false);
    expect(s.ids()).toEqual(["a9"]);
  });

  it("filters by district (main or mentioned), date range and ingest time", () => {
    const s = tmpStore();
    s.putFile(file("a.txt"), [
      article({ id: "x", seq: 0, district: "山阳区", districts: ["山阳区"], date: "2020-03-27" }),
      article({ id: "y", seq: 1, district: "孟州市", districts: ["孟州市", "山阳区"], date: "2020-03-28" }),
      article({
        id: "z",
        seq: 2,
        district: "孟州市",
        districts: ["孟州市"],
        date: null,
        ingestedAt: "2026-03-01T00:00:00.000Z",
      }),
    ]);
    expect(s.list({ district: "山阳区" }).map((a) => a.id)).toEqual(["x", "y"]);
    expect(s.list({ date: "2020-03-28" }).map((a) => a.id)).toEqual(["y"]);
    expect(s.list({ dateFrom: "2020-03-28", dateTo: "2020-12-31" }).map((a) => a.id)).toEqual(["y"]);
    expect(s.list({ ingestedAfter: "2026-02-15T00:00:00.000Z" }).map((a) => a.id)).toEqual(["z"]);
    expect(s.days()).toEqual([
      { date: "2020-03-28", count: 1 },
      { date: "2020-03-27", count: 1 },
    ]);
    expect(s.days("孟州市")).toEqual([{ date: "2020-03-28", count: 1 }]);
  });
});

describe("ArticleStore versions and has", () => {
  it("reports each article's version and whether it is stored", () => {
    const s = tmpStore();
    s.putFile(file("a.txt"), [article({ id: "a0", ingestedAt: "2026-02-01T00:00:00.000Z" })]);
    expect(s.versions()).toEqual(new Map([["a0", "2026-02-01T00:00:00.000Z"]]));
    expect(s.has("a0")).toBe(true);
    expect(s.has("zz")).toBe(false);
    s.removeFile("a.txt");
    expect(s.has("a0")).toBe(false);
    expect(s.versions().size).toBe(0);
  });
});
