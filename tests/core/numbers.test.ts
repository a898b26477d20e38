import { describe, expect, it } from "vitest";
import { findNumbers, parseNumber, toAsciiDigits } from "../../src/core/zh/numbers.js";

describe("parseNumber", () => {
  it.each([
    ["348.5", 348.5],
    ["1,200", 1200],
    ["３５０", 350],
    ["٣٥٠", 350],
    ["۳۵۰", 350],
    ["三百", 300],
    ["三百二十", 320],
    ["一〇〇", 100],
    ["二〇二〇", 2020],
    ["贰佰", 200],
    ["两千零五", 2005],
    ["十五", 15],
    ["十", 10],
    ["1.5万", 15000],
    ["3亿", 3e8],
    ["三亿五千万", 350_000_000],
    ["一万二千", 12000],
    ["8%", 8],
  ])("%s → %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["", "abc", "三a", "一同"])("%s is not a number", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe("findNumbers", () => {
  it("finds numbers in every script with their values", () => {
    const found = findNumbers("共有三百名代表、３５０名群众和1.5万名志愿者，一〇〇人列席[1]");
    expect(found.map((n) => [n.text, n.value])).toEqual([
      ["三百", 300],
      ["３５０", 350],
      ["1.5万", 15000],
      ["一〇〇", 100],
    ]);
  });

  it("reads a lone Chinese digit only before a measure word", () => {
    expect(findNumbers("会议统一部署，一些同志一同参加").map((n) => n.text)).toEqual([]);
    expect(findNumbers("召开一次会议，三名同志发言").map((n) => n.value)).toEqual([1, 3]);
  });

  it("keeps the spans of the printed text", () => {
    const text = "实到代表２１名";
    const [n] = findNumbers(text);
    expect(n && text.slice(n.start, n.end)).toBe("２１");
  });
});

describe("toAsciiDigits", () => {
  it("turns full-width and Arabic-Indic digits into ASCII", () => {
    expect(toAsciiDigits("７月２日，５４６．８亿，٣٥٠")).toBe("7月2日，546.8亿，350");
  });
});
