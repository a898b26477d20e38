import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../../src/answer/analyze.js";
import { KINDS, kindNamed } from "../../../src/answer/kinds/index.js";

describe("the question-kind registry", () => {
  it("lists each kind once, generic last", () => {
    const names = KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[names.length - 1]).toBe("generic");
    for (const k of KINDS) expect(k.description.length).toBeGreaterThan(0);
  });
  it("fails loudly on an unknown kind", () => {
    expect(() => kindNamed("atend")).toThrow(/unknown question kind "atend"/);
    expect(kindNamed("when").name).toBe("when");
  });
  it("gives every question exactly the first kind that claims it", () => {
    for (const q of ["谁主持了会议？", "会议是哪天开的？", "随便聊聊"]) {
      const a = analyzeQuestion(q);
      const first = KINDS.find((k) => k.detect(a));
      expect(a.kind).toBe(first?.name);
    }
  });
});
