import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/build.js";
import { extractiveSummarizer } from "../../src/digest/summarize.js";
import { type ExpectedPage, evalParse } from "../../src/ingest/eval.js";
import { ingestPaths } from "../../src/ingest/ingest-paths.js";
import { parsePage } from "../../src/ingest/parse-page.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";

/**
 * The local-dev pages (real pages of other county papers, read from
 * ../shared at run time, never copied here): the parse check's figures and
 * the digests of the 16 days `digests.json` lists. p05 and p08 were kept out
 * of the tuning.
 */
const dev = path.resolve("../shared/eval/local-dev");
const present = fs.existsSync(path.join(dev, "pages.json"));
const HELD_OUT = ["p05.txt", "p08.txt"];

describe.skipIf(!present)("local-dev pages: the parse check", () => {
  const expected = present
    ? (JSON.parse(fs.readFileSync(path.join(dev, "pages.json"), "utf8")) as Record<string, ExpectedPage>)
    : {};
  const result = evalParse(expected, (p) => fs.readFileSync(path.join(dev, "pages", p), "utf8"), {
    heldOut: HELD_OUT,
    parse: (page, text) => parsePage(text, { source: page }),
  });

  it("finds every article of the tuning pages whole, with its printed or derived title", () => {
    expect(result.tuning).toMatchObject({ articles: 37, found: 37, titles: 37, notMerged: 37, extra: 0 });
  });

  it("finds every article of the held-out pages whole", () => {
    expect(result.heldOut).toMatchObject({ articles: 11, found: 11, titles: 11, notMerged: 11, extra: 0 });
  });

  it("never gives a wrong year, and dates and districts at least as often as measured", () => {
    expect(result.total.wrongYears).toBe(0);
    expect(result.tuning.districts).toBeGreaterThanOrEqual(31);
    expect(result.heldOut.districts).toBeGreaterThanOrEqual(7);
    expect(result.tuning.dates).toBeGreaterThanOrEqual(23);
    expect(result.heldOut.dates).toBeGreaterThanOrEqual(8);
  });

  it("never leaves an article without a title or a text", () => {
    const empty = result.pages.flatMap((p) => p.articles.filter((a) => a.got && a.got.title.trim() === ""));
    expect(empty).toEqual([]);
    for (const p of Object.keys(expected)) {
      const arts = parsePage(fs.readFileSync(path.join(dev, "pages", p), "utf8"), { source: p });
      expect(arts.filter((a) => a.title.trim() === "" || a.text.trim() === "")).toEqual([]);
    }
  });

  it("gives no wrong district on the tuning pages (a wrong district is worse than none)", () => {
    const wrong = (heldOut: boolean) =>
      result.pages
        .filter((p) => p.heldOut === heldOut)
        .flatMap((p) => p.articles.filter((a) => a.got?.district != null && a.got.district !== a.expected.district));
    expect(wrong(false).map((a) => `${a.expected.id}: ${a.got?.district}`)).toEqual([]);
    // Held out: one article whose headline names two counties takes the one its text names more.
    expect(wrong(true).length).toBeLessThanOrEqual(1);
  });
});

describe.skipIf(!present)("local-dev pages: digests of the days digests.json lists", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dev-digest-"));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const days = present
    ? (JSON.parse(fs.readFileSync(path.join(dev, "digests.json"), "utf8")) as { date: string; must_titles: string[] }[])
    : [];

  it("lists the expected titles on each of the 16 days", async () => {
    const db = openDb(work);
    try {
      const store = new ArticleStore(db);
      await ingestPaths([path.join(dev, "pages")], store);
      const missing: string[] = [];
      for (const day of days) {
        const r = await buildDigest(store, {
          date: day.date,
          timezone: "Asia/Shanghai",
          summarize: extractiveSummarizer,
        });
        const titles = r.ok ? r.digest.items.map((i) => i.title) : [];
        for (const m of day.must_titles) if (!titles.some((t) => t.includes(m))) missing.push(`${day.date}: ${m}`);
      }
      expect(days).toHaveLength(16);
      expect(missing).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("prints them with `digest --json --date` after `ingest` (fresh index)", () => {
    const env = { ...process.env, INDEX_DIR: path.join(work, "cli-index"), LOG_LEVEL: "silent" };
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", path.resolve("src/cli/main.ts"), ...args], {
        encoding: "utf8",
        env,
      });
    expect(run(["ingest", path.join(dev, "pages")]).status).toBe(0);
    const day = days[0] as { date: string; must_titles: string[] };
    const out = run(["digest", "--json", "--date", day.date]);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { items: { title: string }[] };
    for (const m of day.must_titles) expect(json.items.some((i) => i.title.includes(m))).toBe(true);
  }, 120_000);
});
