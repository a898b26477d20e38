import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { articleId } from "../../src/ingest/article-id.js";
import { ingestPaths } from "../../src/ingest/ingest-paths.js";
import { describeSummaryZh } from "../../src/ingest/summary.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";

const SAMPLES = path.resolve("data/bulletins");
const dirs: string[] = [];
const stores: ArticleStore[] = [];

function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
function tmpStore(): ArticleStore {
  const store = new ArticleStore(openDb(tmpDir("ingest-idx-")));
  stores.push(store);
  return store;
}
function copySamples(): string {
  const dir = tmpDir("ingest-src-");
  for (const f of fs.readdirSync(SAMPLES)) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  return dir;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const clock = (iso: string) => () => new Date(iso);
const PAGE = "温县召开春季植树动员会\n\n3月5日,温县召开春季植树动员会,部署全年国土绿化工作。\n\n王小明\n";

describe("ingestPaths", () => {
  it("stores the five samples with stable ids and reports each file", async () => {
    const store = tmpStore();
    const s = await ingestPaths([SAMPLES], store, { now: clock("2026-01-01T00:00:00Z") });
    expect(s.filesRead).toBe(5);
    expect(s.articlesFound).toBe(39);
    expect(s.files.map((f) => [f.source, f.status, f.articles])).toEqual([
      ["000_dea3d436ae17c0ab.txt", "added", 5],
      ["001_5b95f34c21a8084b.txt", "added", 10],
      ["002_8ee853f1471c0237.txt", "added", 7],
      ["003_827634933f63f40b.txt", "added", 6],
      ["004_bb5894ed695f9a47.txt", "added", 11],
    ]);
    const stored = store.list();
    expect(stored).toHaveLength(39);
    for (const a of stored) expect(a.id).toBe(articleId(a.source, a.seq, a.title));
    expect(new Set(stored.map((a) => a.id)).size).toBe(39);
    expect(store.list({ district: "孟州市", date: "2020-03-28" }).map((a) => a.title)).toEqual([
      "孟州市委常委会暨理论学习中心组学习会召开",
    ]);
  });

  it("changes nothing when re-ingesting unchanged files", async () => {
    const store = tmpStore();
    await ingestPaths([SAMPLES], store, { now: clock("2026-01-01T00:00:00Z") });
    const before = store.list();
    const s = await ingestPaths([SAMPLES], store, { now: clock("2026-02-01T00:00:00Z") });
    expect(s.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(s.articlesFound).toBe(39);
    expect(store.list()).toEqual(before);
    // --date and --rebuild re-parse; identical results still write nothing.
    const r = await ingestPaths([SAMPLES], store, { rebuild: true, now: clock("2026-03-01T00:00:00Z") });
    expect(r.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(store.list()).toEqual(before);
  });

  it("replaces the articles of a changed file, keeping the first ingest time of unchanged ones", async () => {
    const dir = copySamples();
    const store = tmpStore();
    await ingestPaths([dir], store, { now: clock("2026-01-01T00:00:00Z") });
    const file = path.join(dir, "000_dea3d436ae17c0ab.txt");
    const extra = "\n陕州区召开春耕生产会议\n\n3月2日,陕州区召开春耕生产会议,部署春耕备播工作。\n\n张伟\n";
    fs.appendFileSync(file, extra);
    const s = await ingestPaths([dir], store, { now: clock("2026-03-03T00:00:00Z") });
    expect(s.files.find((f) => f.source === "000_dea3d436ae17c0ab.txt")).toMatchObject({
      status: "updated",
      articles: 6,
    });
    const arts = store.list({ source: "000_dea3d436ae17c0ab.txt" });
    expect(arts.map((a) => a.title).at(-1)).toBe("陕州区召开春耕生产会议");
    expect(arts.at(-1)).toMatchObject({ date: "2026-03-02", byline: "张伟", ingestedAt: "2026-03-03T00:00:00.000Z" });
    expect(arts[0]?.ingestedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(store.list({ ingestedAfter: "2026-02-01T00:00:00Z" }).map((a) => a.title)).toEqual([
      "陕州区召开春耕生产会议",
    ]);
  });

  it("prunes the articles of files that are gone", async () => {
    const dir = copySamples();
    const store = tmpStore();
    await ingestPaths([dir], store);
    fs.rmSync(path.join(dir, "001_5b95f34c21a8084b.txt"));
    const s = await ingestPaths([dir], store, { prune: true });
    expect(s.files.filter((f) => f.status === "pruned").map((f) => [f.source, f.articles])).toEqual([
      ["001_5b95f34c21a8084b.txt", 10],
    ]);
    expect(store.count()).toBe(29);
    expect(store.list({ source: "001_5b95f34c21a8084b.txt" })).toEqual([]);
  });

  it("skips bad inputs with a reason and ingests the rest", async () => {
    const dir = tmpDir("ingest-bad-");
    fs.writeFileSync(path.join(dir, "good.txt"), PAGE);
    fs.writeFileSync(path.join(dir, "gbk.txt"), iconv.encode(PAGE.replace(/温县/g, "孟州市"), "gbk"));
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    fs.writeFileSync(path.join(dir, "blank.txt"), "\n \n\t\n");
    fs.writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 1, 2, 3]));
    fs.writeFileSync(
      path.join(dir, "latin1.txt"),
      Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu", "latin1"),
    );
    fs.writeFileSync(path.join(dir, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff]));
    // A 50 MB file (sparse): refused by size before it is read.
    const huge = path.join(dir, "huge.txt");
    fs.closeSync(fs.openSync(huge, "w"));
    fs.truncateSync(huge, 50 * 1024 * 1024);
    const store = tmpStore();
    const s = await ingestPaths([dir, path.join(dir, "missing.txt")], store);

    const by = Object.fromEntries(s.files.map((f) => [f.source, f]));
    expect(by["good.txt"]).toMatchObject({ status: "added", articles: 1, encoding: "utf-8" });
    expect(by["gbk.txt"]).toMatchObject({ status: "added", articles: 1, encoding: "gb18030" });
    expect(store.list({ source: "gbk.txt" })[0]).toMatchObject({
      title: "孟州市召开春季植树动员会",
      district: "孟州市",
    });
    expect(by["empty.txt"]?.reason).toContain("空");
    expect(by["blank.txt"]?.reason).toContain("没有找到文章");
    expect(by["binary.txt"]?.reason).toContain("二进制");
    expect(by["latin1.txt"]?.reason).toContain("编码");
    expect(by["photo.jpg"]?.reason).toContain(".txt");
    expect(by["huge.txt"]?.reason).toMatch(/文件过大（50\.0 MB/);
    expect(by["missing.txt"]?.reason).toContain("路径不存在");
    for (const f of s.files.filter((x) => x.status === "skipped")) expect(f.articles).toBe(0);
    expect(s.filesRead).toBe(2);
    expect(s.articlesFound).toBe(2);
    expect(describeSummaryZh(s)).toContain("good.txt：新增 1 篇文章");
  });

  it("refuses a second file with the same name from another folder", async () => {
    const a = tmpDir("ingest-a-");
    const b = tmpDir("ingest-b-");
    fs.writeFileSync(path.join(a, "page.txt"), PAGE);
    fs.writeFileSync(path.join(b, "page.txt"), PAGE.replace("王小明", "李红"));
    const store = tmpStore();
    const s = await ingestPaths([a, b], store);
    expect(s.files.map((f) => f.status)).toEqual(["added", "skipped"]);
    expect(s.files[1]?.reason).toContain("同名");
    expect(store.list()[0]?.byline).toBe("王小明");
  });

  it("reports progress per file and takes the issue date for years", async () => {
    const dir = tmpDir("ingest-date-");
    fs.writeFileSync(path.join(dir, "page.txt"), PAGE);
    const store = tmpStore();
    const seen: string[] = [];
    await ingestPaths([dir], store, { onProgress: (d, t, f) => seen.push(`${d}/${t} ${f}`) });
    expect(seen).toEqual(["1/1 page.txt"]);
    expect(store.list()[0]?.date).toBeNull();
    const s = await ingestPaths([dir], store, { issueDate: "2023-03-08" });
    expect(s.files[0]?.status).toBe("updated");
    expect(store.list()[0]).toMatchObject({ date: "2023-03-05", dateText: "3月5日" });
  });
});
