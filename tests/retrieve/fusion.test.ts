import { describe, expect, it } from "vitest";
import { capPerGroup, reciprocalRankFusion, relativeScoreFusion } from "../../src/retrieve/fusion.js";

describe("reciprocalRankFusion", () => {
  it("scores Σ 1/(k+rank) and puts items ranked well by both lists first", () => {
    const dense = ["a", "b", "c"];
    const bm25 = ["b", "d", "a"];
    const fused = reciprocalRankFusion([dense, bm25], (x) => x, { k: 60 });
    expect(fused.map((f) => f.item)).toEqual(["b", "a", "d", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
    expect(fused[0]?.ranks).toEqual([2, 1]);
    expect(fused.find((f) => f.item === "d")?.ranks).toEqual([0, 2]);
  });

  it("is as good as the better list when the other one misses", () => {
    const fused = reciprocalRankFusion([["x", "y"], []], (s) => s);
    expect(fused.map((f) => f.item)).toEqual(["x", "y"]);
  });

  it("applies weights and counts a duplicate in one list once", () => {
    const fused = reciprocalRankFusion([["a", "a", "b"], ["b"]], (s) => s, { k: 0, weights: [1, 3] });
    expect(fused.map((f) => [f.item, f.score])).toEqual([
      ["b", 1 / 3 + 3],
      ["a", 1],
    ]);
  });
});

describe("weighted RRF vs relative score fusion", () => {
  // "a" is 1st for dense and 3rd for BM25; "b" is 4th for dense but BM25's decisive 1st.
  const dense = [
    { item: "a", score: 0.49 },
    { item: "c", score: 0.46 },
    { item: "d", score: 0.45 },
    { item: "b", score: 0.43 },
    { item: "f", score: 0.35 },
  ];
  const bm25 = [
    { item: "b", score: 19.7 },
    { item: "e", score: 3.6 },
    { item: "a", score: 3.4 },
  ];
  const items = (l: { item: string }[]) => l.map((h) => h.item);

  it("equal-weight RRF lets the flat dense ranking outvote a decisive BM25 match; BM25 weight 2 does not", () => {
    expect(reciprocalRankFusion([items(dense), items(bm25)], (s) => s)[0]?.item).toBe("a");
    expect(reciprocalRankFusion([items(dense), items(bm25)], (s) => s, { weights: [1, 2] })[0]?.item).toBe("b");
  });

  it("relative score fusion min-max normalizes each list and keeps the margin", () => {
    const fused = relativeScoreFusion([dense, bm25], (s) => s);
    expect(fused[0]?.item).toBe("b");
    expect(fused.find((f) => f.item === "a")?.score).toBeCloseTo(1, 10);
    expect(fused[0]?.score).toBeCloseTo((0.43 - 0.35) / (0.49 - 0.35) + 1, 10);
    expect(relativeScoreFusion([[{ item: "x", score: 5 }]], (s) => s)[0]?.score).toBe(1);
  });
});

describe("capPerGroup", () => {
  it("keeps at most N items per group in order; 0 means no cap", () => {
    const items = ["a1", "a2", "b1", "a3", "b2"];
    expect(capPerGroup(items, (s) => s[0]!, 1)).toEqual(["a1", "b1"]);
    expect(capPerGroup(items, (s) => s[0]!, 2)).toEqual(["a1", "a2", "b1", "b2"]);
    expect(capPerGroup(items, (s) => s[0]!, 0)).toEqual(items);
  });
});
