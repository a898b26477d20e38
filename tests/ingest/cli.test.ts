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
