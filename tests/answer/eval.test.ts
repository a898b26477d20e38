import { describe, expect, it } from "vitest";
import { judge, kindTable, median, parseEvalCases, splitOf, totals, totalsBy } from "../../src/answer/eval.js";
import type { Answer } from "../../src/core/types.js";

const found = (answer: string, title: string): Answer => ({
  question: "q",
  answer,
  found: true,
  citations: [{ n: 1, articleId: "a", title, district: null, date: null, source: "s", quote: answer }],
});
const declined: Answer = { question: "q", answer: "没有在已收录的新闻中找到。", found: false, citations: [] };

describe("eval", () => {
  it("parses JSONL cases and names the bad line", () => {
    expect(parseEvalCases('{"q":"a","must":["x"]}\n\n{"q":"b","none":true}\n')).toHaveLength(2);
    expect(() => parseEvalCases('{"q":"a"}\nnot json')).toThrow("line 2");
    expect(() => parseEvalCases('{"must":["x"]}')).toThrow("line 1");
  });
  it("judges must, any, source and none", () => {
    expect(judge({ q: "q", must: ["8"], source: "张汭乡" }, found("清运8吨。[1]", "陕州区张汭乡：…"), 5).pass).toBe(
      true,
    );
    expect(judge({ q: "q", must: ["8"], source: "张汭乡" }, found("清运8吨。[1]", "别的文章"), 5)).toMatchObject({
      answerOk: true,
      citationOk: false,
      pass: false,
    });
    expect(judge({ q: "q", any: ["甲", "乙"] }, found("乙。[1]", "t"), 1).pass).toBe(true);
    expect(judge({ q: "q", any: ["甲", "乙"] }, found("丙。[1]", "t"), 1).pass).toBe(false);
    expect(judge({ q: "q", source: ["x", "标题"] }, found("a[1]", "标题"), 1).citationOk).toBe(true);
    expect(judge({ q: "q", none: true }, declined, 1).pass).toBe(true);
    expect(judge({ q: "q", none: true }, found("乱说[1]", "t"), 1).pass).toBe(false);
    expect(judge({ q: "q", must: ["8"] }, declined, 1).pass).toBe(false);
  });
  it("sums up accuracy, citations, declines and the median time", () => {
    const cases = [
      { q: "a", must: ["8"], source: "t" },
      { q: "b", none: true },
      { q: "c", must: ["x"] },
    ];
    const results = [
      judge(cases[0] as never, found("8[1]", "t"), 10),
      judge(cases[1] as never, declined, 30),
      judge(cases[2] as never, declined, 20),
    ];
    expect(totals(results, cases)).toEqual({
      cases: 3,
      passed: 2,
      answerAccuracy: 2 / 3,
      citationAccuracy: 1,
      declines: { ok: 1, of: 1 },
      medianMs: 20,
    });
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
  it("splits cases by the last digit of their id: 0, 3, 7 are held out", () => {
    expect(["d010", "d013", "d017", "x7"].map((id) => splitOf({ id }))).toEqual([
      "holdout",
      "holdout",
      "holdout",
      "holdout",
    ]);
    expect(["d011", "d012", "d019", "qa-a", undefined].map((id) => splitOf({ id }))).toEqual([
      "tune",
      "tune",
      "tune",
      "tune",
      "tune",
    ]);
  });
  it("sums up per kind, with the tune and holdout parts", () => {
    const cases = [
      { id: "d1", q: "a", must: ["8"], kind: "number" },
      { id: "d3", q: "b", must: ["8"], kind: "number" },
      { id: "d4", q: "c", none: true },
    ];
    const results = [
      judge(cases[0] as never, found("8[1]", "t"), 1),
      judge(cases[1] as never, declined, 1),
      judge(cases[2] as never, declined, 1),
    ];
    expect(results.map((r) => [r.kind, r.split])).toEqual([
      ["number", "tune"],
      ["number", "holdout"],
      ["none", "tune"],
    ]);
    expect(totalsBy(results, (r) => r.kind)).toEqual([
      { group: "number", passed: 1, cases: 2 },
      { group: "none", passed: 1, cases: 1 },
    ]);
    const table = kindTable(results).split("\n");
    expect(table[0]).toMatch(/^number\s+tune\s+1\/1\s+holdout\s+0\/1\s+all\s+1\/2$/);
    expect(table[2]).toMatch(/^ALL\s+tune\s+2\/2\s+holdout\s+0\/1\s+all\s+2\/3$/);
  });
});
