import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "../../src/ingest/parse-page.js";

/**
 * Robustness on pages nobody on the team wrote: ../shared/corpus/bulletins-extra
 * (200 national news items laid out as bulletin pages, exact titles in
 * index.json). Read at test time from the shared folder, never copied into
 * the project; skipped where the folder is absent.
 */
const DIR = path.resolve("../shared/corpus/bulletins-extra");
const present = fs.existsSync(path.join(DIR, "index.json"));

interface IndexFile {
  file: string;
  articles: { title: string; date: string }[];
}

describe.skipIf(!present)("unseen pages (shared/corpus/bulletins-extra)", () => {
  const index = present ? (JSON.parse(fs.readFileSync(path.join(DIR, "index.json"), "utf8")) as IndexFile[]) : [];
  const parsed = index.map((f) => ({
    f,
    articles: parsePage(fs.readFileSync(path.join(DIR, f.file), "utf8"), { source: f.file }),
  }));

  it("finds every article's exact title, in page order", () => {
    for (const { f, articles } of parsed) {
      const got = articles.map((a) => a.title);
      const want = f.articles.map((a) => a.title);
      // Every title is found, in order; extra ones are allowed (next test bounds them).
      let at = 0;
      for (const w of want) {
        const i = got.indexOf(w, at);
        expect(i, `${f.file}: ${w}`).toBeGreaterThanOrEqual(at);
        at = i + 1;
      }
    }
  });

  it("splits off few extra articles (sub-headings inside long items: 6 of 200 today)", () => {
    const extra = parsed.reduce((n, { f, articles }) => n + articles.length - f.articles.length, 0);
    expect(extra).toBeLessThanOrEqual(8);
  });

  it("never stores a body paragraph as a headline or loses the body", () => {
    for (const { articles } of parsed) {
      for (const a of articles) {
        expect(a.title).not.toMatch(/。/);
        expect(a.text.length).toBeGreaterThan(0);
      }
    }
  });
});
