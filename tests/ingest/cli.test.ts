import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(".");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "src/cli/main.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INDEX_DIR: path.join(work, "index"), LOG_LEVEL: "silent" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("cli: ingest and articles", () => {
  const pages = path.join(work, "pages");
  fs.mkdirSync(pages);
  fs.writeFileSync(
    path.join(pages, "wenxian_2024-03-06.txt"),
    "温县召开春季植树动员会\n\n3月5日,温县召开春季植树动员会,部署全年国土绿化工作。\n\n王小明\n",
  );
  fs.writeFileSync(path.join(pages, "empty.txt"), "");

  it("rejects a malformed --date with a clear message", () => {
    const r = cli(["ingest", pages, "--date", "2024-13-45"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("is not a date YYYY-MM-DD");
  });

  it("exits non-zero when nothing could be ingested", () => {
    const r = cli(["ingest", path.join(pages, "empty.txt"), path.join(work, "missing")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("0 files read");
    expect(r.out).toContain("路径不存在");
    expect(r.err).toContain("Nothing could be ingested");
  });

  it("ingests what it can, lists skipped files with their reason, exits 0", () => {
    const r = cli(["ingest", pages]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 files read, 1 articles found, 1 skipped");
    expect(r.out).toMatch(/added\s+wenxian_2024-03-06\.txt\s+1 articles \(utf-8\)/);
    expect(r.out).toMatch(/skipped\s+empty\.txt\s+文件是空的/);
    expect(r.out).toMatch(/^Index: /m);
  });

  it("prints articles as JSON with exactly the documented fields, and filters", () => {
    const r = cli(["articles", "--json", "--district", "温县", "--date", "2024-03-05"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0] ?? {})).toEqual([
      "id",
      "title",
      "district",
      "date",
      "dateText",
      "byline",
      "source",
      "text",
    ]);
    expect(list[0]).toMatchObject({
      title: "温县召开春季植树动员会",
      district: "温县",
      date: "2024-03-05",
      dateText: "3月5日",
      byline: "王小明",
      source: "wenxian_2024-03-06.txt",
    });
    expect(JSON.parse(cli(["articles", "--json", "--date", "2024-03-04"]).out)).toEqual([]);
  });

  it("prints a readable table without --json", () => {
    const r = cli(["articles"]);
    expect(r.out).toMatch(/^id\s+date\s+district\s+title\s+source/);
    expect(r.out).toMatch(/2024-03-05\s+温县\s+温县召开春季植树动员会\s+wenxian_2024-03-06\.txt/);
    expect(r.out).toContain("1 articles");
    const none = cli(["articles", "--date", "2024-03-04"]);
    expect(none.code).toBe(0);
    expect(none.out).toContain("No article matches (1 stored).\nDays with news: 2024-03-05.");
  });
});

describe("cli: district defaults and the parse check", () => {
  it("rejects an unknown --district, and gives a known one to articles naming none", () => {
    const bad = cli(["ingest", "--district", "乌有乡"]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("is not a known district or county name");
    const dir = path.join(work, "county");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "a.txt"), "我县召开项目推进会\n\n9月28日,我县召开重点项目推进会。\n");
    fs.writeFileSync(path.join(dir, "sources.json"), JSON.stringify({ "a.txt": "乌有县" }));
    const r = cli(["ingest", dir, "--district", "台前", "--date", "2022-09-30"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("乌有县”不是已知的区县名");
    expect(r.out).not.toMatch(/skipped\s+sources\.json/);
    const list = JSON.parse(cli(["articles", "--json", "--source", "a.txt"]).out) as Record<string, unknown>[];
    expect(list[0]).toMatchObject({ title: "我县召开项目推进会", district: "台前县", date: "2022-09-28" });
  });

  it("scores made-up pages with eval-parse, tuning and held-out apart", () => {
    const dir = path.join(work, "eval");
    fs.mkdirSync(path.join(dir, "pages"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pages", "a.txt"), "温县召开植树动员会\n\n3月5日,温县召开2024年植树动员会。\n");
    fs.writeFileSync(path.join(dir, "pages", "b.txt"), "　　3月6日,孟州市召开2024年项目推进会。\n");
    const expected = {
      "a.txt": {
        articles: [{ title: "温县召开植树动员会", district: "温县", date: "2024-03-05", first: "3月5日,温县" }],
      },
      "b.txt": { articles: [{ title: null, district: "孟州市", date: "2024-03-06", first: "3月6日,孟州市" }] },
    };
    fs.writeFileSync(path.join(dir, "pages.json"), JSON.stringify(expected));
    const r = cli(["eval-parse", path.join(dir, "pages.json"), "--held-out", "b.txt"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "tuning:    found 1/1 · titles 1/1 · not merged 1/1 · districts 1/1 · dates 1/1 · wrong years 0",
    );
    expect(r.out).toContain(
      "held out:  found 1/1 · titles 1/1 · not merged 1/1 · districts 1/1 · dates 1/1 · wrong years 0",
    );
    const missing = cli(["eval-parse", path.join(dir, "none.json")]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain("not found");
  });
});
