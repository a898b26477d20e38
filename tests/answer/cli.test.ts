import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleStore } from "./fixtures/setup.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;

beforeAll(() => {
  const s = sampleStore();
  s.store.db.close();
  dir = s.dir;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI on the sample store (no vector index: answers come from titles and facts). */
function cli(args: string[], input?: string, indexDir = dir) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, INDEX_DIR: indexDir, LOG_LEVEL: "silent", LLM_BASE_URL: "", LLM_MODEL: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("ask and eval commands", () => {
  it("ask --json reads one question per line and prints one JSON object per line, in order", () => {
    const r = cli(
      ["ask", "--json"],
      "卫东区人大常委会主任是谁？\n\n天津港今年的集装箱吞吐量是多少？\n衛東區政協主席是誰？\n",
    );
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual([
      "卫东区人大常委会主任是谁？",
      "天津港今年的集装箱吞吐量是多少？",
      "衛東區政協主席是誰？",
    ]);
    expect(Object.keys(lines[0])).toEqual(["question", "answer", "citations", "found"]);
    expect(Object.keys(lines[0].citations[0])).toEqual([
      "n",
      "articleId",
      "title",
      "district",
      "date",
      "source",
      "quote",
    ]);
    expect(lines[0].answer).toContain("朱孝哲");
    expect(lines[0].answer).toContain("[1]");
    expect(lines[1]).toMatchObject({ found: false, citations: [] });
    expect(lines[2].answer).toContain("陈永斌");
  }, 60_000);

  it("ask with a question argument prints the answer and its quoted source", () => {
    const r = cli(["ask", "解放区大气污染防治攻坚工作推进会由谁主持？"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("区委常委、常务副区长刘海霞主持会议。[1]");
    expect(r.out).toContain("[1] 《解放区召开大气污染防治攻坚工作推进会》");
  }, 60_000);

  it("eval prints per-question results and the totals, and fails when a question fails", () => {
    const file = path.join(dir, "cases.jsonl");
    fs.writeFileSync(
      file,
      [
        { id: "x1", q: "张汭乡清运了多少吨沟塘垃圾及各类杂物？", must: ["8"], source: "张汭乡" },
        { id: "x2", q: "天津港今年的集装箱吞吐量是多少？", none: true },
        { id: "x3", q: "张汭乡清运了多少吨沟塘垃圾及各类杂物？", must: ["9吨"] },
      ]
        .map((c) => JSON.stringify(c))
        .join("\n"),
    );
    const r = cli(["eval", file]);
    expect(r.out).toMatch(/PASS x1 .*\n/);
    expect(r.out).toMatch(/PASS x2 /);
    expect(r.out).toMatch(/FAIL x3 /);
    expect(r.out).toMatch(
      /2\/3 passed · answer accuracy 66\.7% · citation accuracy 100\.0% · declines 1\/1 · median [\d.]+ ms/,
    );
    expect(r.code).toBe(1);
  }, 60_000);

  it("fails with a usage hint when no question is given at all", () => {
    const r = cli(["ask", ""], "\n  \n");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("no question given");
  }, 60_000);

  it("says what to do when nothing was ingested", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "empty-"));
    const r = cli(["ask", "谁主持了会议"], undefined, empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain("run `npm run -s cli -- ingest` first");
    fs.rmSync(empty, { recursive: true, force: true });
  }, 60_000);
});
