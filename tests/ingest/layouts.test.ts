import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseByline } from "../../src/ingest/names.js";
import { parsePage } from "../../src/ingest/parse-page.js";
import { CORPUS, checkLayouts, type LayoutScore, pickCorpusArticles } from "../support/layout-check.js";

/**
 * The parser on real news nobody tuned it on, laid out as county pages
 * (tests/support/layouts.ts), 200 items of ../shared/corpus five to a page.
 * Floors are the whole titles reached on each layout (tuned and held-out
 * items together; `npx tsx bench/layouts.ts` prints both parts). Skipped
 * where the shared corpus is absent.
 */
const present = fs.existsSync(CORPUS);

/** Least share of articles found with their exact title, per layout. */
const FLOORS: Record<string, number> = {
  clean: 0.99,
  columns: 0.99,
  titleAfter: 0.97,
  mixed: 0.96,
  hashed: 0.99,
  stacked: 0.93,
  noHeadlines: 0.99,
  spaced: 0.99,
  indented: 0.99,
  dense: 0.99,
};

describe.skipIf(!present)("layouts of county pages on unseen real news", () => {
  let scores: LayoutScore[] = [];
  beforeAll(async () => {
    scores = checkLayouts(await pickCorpusArticles(200));
  });

  it("lays out every layout it has a floor for", () => {
    expect(scores.map((s) => s.layout).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  it("never makes a byline, a caption or a sentence a title, and never an empty article", () => {
    for (const s of scores) {
      for (const p of s.pages) {
        for (const a of parsePage(p.text)) {
          expect(a.text.trim(), `${s.layout}: ${a.title}`).not.toBe("");
          expect(a.title, s.layout).not.toMatch(/[。！？]$|摄$/);
          expect(parseByline(a.title)?.strong ?? false, `${s.layout}: ${a.title}`).toBe(false);
        }
      }
    }
  });

  it.each(Object.keys(FLOORS))("%s: titles found whole at or above the floor, few merges", (layout) => {
    const s = scores.find((x) => x.layout === layout);
    if (!s) throw new Error(`layout ${layout} not scored`);
    const articles = s.tune.articles + s.held.articles;
    expect(articles).toBeGreaterThanOrEqual(190);
    expect((s.tune.titles + s.held.titles) / articles).toBeGreaterThanOrEqual(FLOORS[layout] ?? 1);
    expect((s.tune.notMerged + s.held.notMerged) / articles).toBeGreaterThanOrEqual(0.95);
    // Pieces split off an article (a line cut from a sentence taken for a headline): few.
    expect(s.tune.extra + s.held.extra).toBeLessThanOrEqual(6);
  });
});
