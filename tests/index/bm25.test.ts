import { describe, expect, it } from "vitest";
import { type Bm25Hit, bm25Search, buildPostings, type PostingList } from "../../src/index/bm25.js";
import { tokenize } from "../../src/index/tokenize.js";

const docs = [
  "张汭乡开展人居环境整治,清运沟塘垃圾8吨",
  "卫东区开展文明健康教育进万家宣传活动",
  "孟州市召开专项债券申报工作专题会议",
  "陕州区召开动员部署会,区委书记出席",
];

/** An in-memory collection over `segments` (each a list of [label, tokens]), with `deleted` labels. */
function collection(segments: [number, string[]][][], deleted: number[] = []) {
  const lists = segments.map((seg) => buildPostings(seg.map(([label, tokens]) => ({ label, tokens }))));
  const max = Math.max(0, ...segments.flat().map(([l]) => l + 1));
  const lengths = new Int32Array(max).fill(-1);
  let total = 0;
  let n = 0;
  for (const [label, tokens] of segments.flat()) {
    if (deleted.includes(label)) continue;
    lengths[label] = tokens.length;
    total += tokens.length;
    n++;
  }
  const postings = (t: string): PostingList[] => lists.flatMap((m) => (m.get(t) ? [m.get(t)!] : []));
  return (terms: string[], k: number, filter?: (l: number) => boolean, stats: { allLive?: boolean } = {}): Bm25Hit[] =>
    bm25Search(terms, postings, { lengths, docs: n, totalLength: total, ...stats }, k, filter);
}

const build = () => collection([docs.map((d, i) => [i, tokenize(d)] as [number, string[]])]);

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

describe("bm25Search", () => {
  it("scores the same when told nothing is deleted (the document-frequency pass skipped)", () => {
    const search = collection([
      docs.slice(0, 2).map((d, i) => [i, tokenize(d)] as [number, string[]]),
      docs.slice(2).map((d, i) => [i + 2, tokenize(d)] as [number, string[]]),
    ]);
    for (const q of ["召开会议", "张汭乡垃圾", "区委书记出席动员部署会", "开展宣传活动"]) {
      const hits = search(tokenize(q), 5);
      expect(hits.length).toBeGreaterThan(0);
      expect(search(tokenize(q), 5, undefined, { allLive: true })).toEqual(hits);
    }
  });

  it("ranks the document sharing the rare words first", () => {
    const hits = build()(tokenize("张汭乡清运了多少吨垃圾"), 3);
    expect(hits[0]?.label).toBe(0);
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
  });

  it("filters, skips deleted documents (not counted in df), and scores the same across segments as in one", () => {
    const tokens = docs.map((d, i) => [i, tokenize(d)] as [number, string[]]);
    const one = collection([tokens]);
    expect(one(tokenize("召开会议"), 5, (l) => l !== 2).map((h) => h.label)).not.toContain(2);
    const split = collection([tokens.slice(0, 2), tokens.slice(2)]);
    for (const q of ["召开会议", "张汭乡垃圾", "区委书记出席动员部署会"])
      expect(split(tokenize(q), 5)).toEqual(one(tokenize(q), 5));
    const withDeleted = collection([tokens], [0]);
    expect(withDeleted(tokenize("张汭乡垃圾"), 5)).toEqual([]);
    const without = collection([tokens.slice(1)]);
    expect(withDeleted(tokenize("专项债券召开"), 5)).toEqual(without(tokenize("专项债券召开"), 5));
  });

  it("selects the same top k with a filter as a full sort would", () => {
    let seed = 1;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const vocab = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const pick = () => vocab[Math.floor(rand() ** 2 * vocab.length)] as string;
    const all = Array.from({ length: 600 }, (_, d) => [d, Array.from({ length: 30 }, pick)] as [number, string[]]);
    const search = collection(
      [all.slice(0, 400), all.slice(400)],
      all.filter(([d]) => d % 7 === 0).map(([d]) => d),
    );
    for (let q = 0; q < 30; q++) {
      const toks = [pick(), pick(), pick()];
      const full = search(toks, 1e6).filter((h) => h.label % 3 !== 0);
      for (let i = 1; i < full.length; i++) expect(full[i - 1]!.score).toBeGreaterThanOrEqual(full[i]!.score);
      expect(full.some((h) => h.label % 7 === 0)).toBe(false);
      expect(search(toks, 10, (l) => l % 3 !== 0)).toEqual(full.slice(0, 10));
    }
  });
});
