import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { digestCommand } from "../../src/cli/commands/digest.js";
import { article, put, tempStore } from "./helpers.js";

let dir: string;
let cleanup: () => void;
let out: string;
let err: string;
const saved = { ...process.env };

beforeEach(() => {
  const t = tempStore();
  dir = t.dir;
  put(t.store, [
    article({
      id: "a0000001",
      source: "001.txt",
      seq: 0,
      title: "孟州市委常委会召开",
      district: "孟州市",
      date: "2020-03-28",
      text: "本报讯(记者李四)3月28日,孟州市委常委会召开会议,研究部署疫情防控工作。",
    }),
    article({
      id: "a0000002",
      source: "001.txt",
      seq: 1,
      title: "山阳区召开务虚会",
      district: "山阳区",
      date: "2020-03-27",
      text: "3月27日,山阳区委副书记赵玉辉主持召开全区工作务虚会。",
    }),
  ]);
  t.store.db.close();
  cleanup = () => t.cleanup();
  process.env = { ...saved, INDEX_DIR: dir, LOG_LEVEL: "silent", LLM_BASE_URL: "", LLM_MODEL: "" };
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = saved;
  process.exitCode = undefined;
  cleanup();
});

async function run(...args: string[]) {
  await digestCommand().exitOverride().parseAsync(args, { from: "user" });
}

describe("cli digest", () => {
  it("prints the JSON digest of a day", async () => {
    await run("--json", "--date", "2020-03-28");
    expect(process.exitCode).toBeUndefined();
    expect(JSON.parse(out)).toEqual({
      date: "2020-03-28",
      district: null,
      items: [
        {
          articleId: "a0000001",
          title: "孟州市委常委会召开",
          district: "孟州市",
          date: "2020-03-28",
          summary: "孟州市委常委会召开会议,研究部署疫情防控工作。",
          source: "001.txt",
        },
      ],
    });
  });

  it("prints text for the most recent day, filtered by district", async () => {
    await run("--district", "山阳");
    expect(out).toContain("2020-03-27 新闻摘要 · 山阳区 · 共 1 篇");
    expect(out).toContain("山阳区委副书记赵玉辉主持召开全区工作务虚会。");
  });

  it("exits 1 with the nearest days on a day without news, and with a clear error on a bad date", async () => {
    await run("--date", "2020-03-29");
    expect(process.exitCode).toBe(1);
    expect(err).toContain("2020-03-28");
    expect(out).toBe("");
    err = "";
    await run("--json", "--date", "2020-02-30");
    expect(process.exitCode).toBe(1);
    expect(err).toContain("不是有效日期");
    expect(JSON.parse(out)).toMatchObject({ nearestDays: [] });
  });
});
