import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.js";

/**
 * Pages cut and shuffled from the samples plus stray markers ("本报讯",
 * "# ", "摄", lone punctuation): the parser never throws and always gives
 * well-formed articles. Fixed seed, so a failure is reproducible.
 */
const DIR = path.resolve("data/bulletins");
const lines = fs
  .readdirSync(DIR)
  .map((f) => fs.readFileSync(path.join(DIR, f), "utf8"))
  .join("\n")
  .split("\n");
const PIECES = [
  "",
  " ",
  "\n",
  "\n\n",
  "# ",
  "本报讯",
  "（",
  "）",
  "摄",
  "。",
  "，",
  "3月",
  "日",
  "近日",
  "□",
  "——",
  "记者 ",
  "\t",
  "\r\n",
];

function randomPages(count: number, seed: number): string[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: count }, () => {
    let page = "";
    for (let j = Math.floor(rnd() * 40); j > 0; j--) {
      const r = rnd();
      if (r < 0.5) page += pick(lines);
      else if (r < 0.8) page += pick(PIECES);
      else {
        const l = pick(lines);
        const a = Math.floor(rnd() * l.length);
        page += l.slice(a, a + Math.floor(rnd() * 20));
      }
      if (rnd() < 0.4) page += "\n";
    }
    return page;
  });
}

describe("parsePage on scrambled pages", () => {
  it("never throws and gives well-formed articles", () => {
    for (const page of randomPages(400, 7)) {
      const articles = parsePage(page);
      for (const a of articles) {
        expect(a.title.trim()).not.toBe("");
        expect(a.date === null || /^\d{4}-\d{2}-\d{2}$/.test(a.date)).toBe(true);
        const paras = a.text.split("\n").length;
        for (const i of a.repeatedParagraphs) expect(i).toBeLessThan(paras);
        if (a.district) expect(a.districts[0]).toBe(a.district);
      }
    }
  });

  it("gives no article for a page with nothing but blank lines and punctuation", () => {
    expect(parsePage("\n\n  \n。，\n\n——\n")).toEqual([]);
  });
});
