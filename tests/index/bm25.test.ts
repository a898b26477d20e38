import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../src/index/bm25.js";
import { tokenize } from "../../src/index/tokenize.js";

const docs = [
  "张汭乡开展人居环境整治,清运沟塘垃圾8吨",
  "卫东区开展文明健康教育进万家宣传活动",
  "孟州市召开专项债券申报工作专题会议",
  "陕州区召开动员部署会,区委书记出席",
];

function build(): Bm25Index {
  const idx = new Bm25Index();
  for (const [i, d] of docs.entries()) idx.add(i, tokenize(d));
  return idx;
}

describe("tokenize", () => {
  it("cuts Chinese into words without punctuation or question words", () => {
    const t = tokenize("谁出席了陕州区动员部署会？");
    expect(t).toContain("陕州区");
    expect(t).toContain("出席");
    expect(t).not.toContain("谁");
    expect(t).not.toContain("？");
    expect(tokenize("清运垃圾８吨")).toEqual(tokenize("清运垃圾8吨"));
  });
});

describe("Bm25Index", () => {
  it("ranks the document sharing the rare words first", () => {
    const hits = build().search(tokenize("张汭乡清运了多少吨垃圾"), 3);
    expect(hits[0]?.label).toBe(0);
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
  });

  it("filters, removes incrementally, and survives a JSON round trip without removed postings", () => {
    const idx = build();
    expect(idx.search(tokenize("召开会议"), 5, (l) => l !== 2).map((h) => h.label)).not.toContain(2);
    expect(idx.remove(0)).toBe(true);
    expect(idx.remove(0)).toBe(false);
    expect(idx.search(tokenize("张汭乡垃圾"), 5)).toEqual([]);
    const json = idx.toJSON();
    expect(JSON.stringify(json.postings)).not.toContain("张汭乡");
    const back = Bm25Index.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.size).toBe(3);
    expect(back.search(tokenize("专项债券"), 1)).toEqual(idx.search(tokenize("专项债券"), 1));
    expect(() => back.add(1, ["x"])).toThrow(/already/);
  });

  it("selects the same top k with a filter as a full sort would", () => {
    let seed = 1;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const vocab = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const pick = () => vocab[Math.floor(rand() ** 2 * vocab.length)] as string;
    const idx = new Bm25Index();
    for (let d = 0; d < 600; d++) idx.add(d, Array.from({ length: 30 }, pick));
    for (let d = 0; d < 600; d += 7) idx.remove(d);
    for (let q = 0; q < 30; q++) {
      const toks = [pick(), pick(), pick()];
      const full = idx.search(toks, 1e6).filter((h) => h.label % 3 !== 0);
      for (let i = 1; i < full.length; i++) expect(full[i - 1]!.score).toBeGreaterThanOrEqual(full[i]!.score);
      expect(idx.search(toks, 10, (l) => l % 3 !== 0)).toEqual(full.slice(0, 10));
    }
  });
});
