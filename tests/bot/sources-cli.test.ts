import { describe, expect, it } from "vitest";
import { formatSources } from "../../src/cli/commands/sources.js";

describe("sources CLI formatting", () => {
  it("prints one line per district and the totals", () => {
    const text = formatSources(
      [
        { district: "孟州市", articles: 4, first: "2020-03-25", last: "2020-03-28" },
        { district: null, articles: 1, first: null, last: null },
      ],
      2,
    );
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^孟州市\s+4 {2}2020-03-25 … 2020-03-28$/);
    expect(lines[1]).toContain("(none)");
    expect(lines[2]).toBe("total: 5 articles from 2 files, 2020-03-25 … 2020-03-28");
  });

  it("says how to fill an empty index", () => {
    expect(formatSources([], 0)).toContain("ingest");
  });
});
