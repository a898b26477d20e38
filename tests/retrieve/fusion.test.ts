import { describe, expect, it } from "vitest";
import { capPerGroup, reciprocalRankFusion } from "../../src/retrieve/fusion.js";

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

describe("capPerGroup", () => {
  it("keeps at most N items per group in order; 0 means no cap", () => {
    const items = ["a1", "a2", "b1", "a3", "b2"];
    expect(capPerGroup(items, (s) => s[0]!, 1)).toEqual(["a1", "b1"]);
    expect(capPerGroup(items, (s) => s[0]!, 2)).toEqual(["a1", "a2", "b1", "b2"]);
    expect(capPerGroup(items, (s) => s[0]!, 0)).toEqual(items);
  });
});
