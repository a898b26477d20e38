import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { digestCommand } from "../../src/cli/commands/digest.js";
import type { Digest } from "../../src/core/types.js";
import { buildDigest } from "../../src/digest/build.js";
import { summarizeArticle } from "../../src/digest/summarize.js";
import { ingestPaths } from "../../src/ingest/ingest-paths.js";
import type { ArticleStore } from "../../src/store/articles.js";
import { tempStore } from "./helpers.js";

/** The shared sample corpus and its digest cases (../shared/eval/digests.json). */
const SHARED = path.resolve(fileURLToPath(new URL("../../../shared", import.meta.url)));
const BULLETINS = path.join(SHARED, "bulletins");
const CASES = JSON.parse(fs.readFileSync(path.join(SHARED, "eval", "digests.json"), "utf8")) as {
  date: string;
  must_titles: string[];
}[];

let store: ArticleStore;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ store, dir, cleanup } = tempStore());
  const summary = await ingestPaths([BULLETINS], store);
  expect(summary.articlesFound).toBeGreaterThan(0);
});
afterAll(() => cleanup());

/** Runs `digest ...args` in process against the temporary index, returning stdout and the exit code. */
async function cli(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const saved = { ...process.env };
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.env = { ...saved, INDEX_DIR: dir, LOG_LEVEL: "silent", LLM_BASE_URL: "", LLM_MODEL: "" };
  process.exitCode = undefined;
  try {
    await digestCommand().exitOverride().parseAsync(args, { from: "user" });
    return { out, err, code: process.exitCode as number | undefined };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.env = saved;
    process.exitCode = undefined;
  }
}

/** Text with all white space removed, for substring checks across OCR spacing. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("digests of the sample corpus (eval/digests.json)", () => {
  for (const c of CASES) {
    it(`digest --json --date ${c.date} has ${c.must_titles.join(", ")}`, async () => {
      const { out, code } = await cli("--json", "--date", c.date);
      expect(code).toBeUndefined();
      const digest = JSON.parse(out) as Digest;
      expect(digest.date).toBe(c.date);
      for (const must of c.must_titles) {
        const item = digest.items.find((i) => i.title.includes(must));
        expect(item, `no item titled with ${must}`).toBeDefined();
        expect(item?.summary.trim().length).toBeGreaterThan(0);
      }
      for (const item of digest.items) {
        expect(item.date).toBe(c.date);
        expect(store.get(item.articleId)?.date).toBe(c.date);
      }
    });
  }

  it("every day's digest lists exactly the articles dated that day, district groups in page order", async () => {
    for (const { date } of store.days()) {
      const r = await buildDigest(store, { date, timezone: "Asia/Shanghai" });
      if (!r.ok) throw new Error(r.message);
      const expected = new Set(store.list({ date }).map((a) => a.id));
      for (const item of r.digest.items) expect(expected.has(item.articleId)).toBe(true);
      // Districts come in contiguous groups.
      const order = r.digest.items.map((i) => i.district ?? "");
      const groups = order.filter((d, i) => i === 0 || order[i - 1] !== d);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });

  it("every extractive summary is text of its article, without dateline, at most 120 characters", () => {
    for (const a of store.list()) {
      const s = summarizeArticle(a);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(120);
      expect(s).not.toMatch(/^(本报讯|\(记者|（记者|\d{1,2}月\d{1,2}日[,，])/);
      const body = s.replace(/…$/, "");
      expect(squeeze(`${a.title}\n${a.subtitle ?? ""}\n${a.text}`)).toContain(squeeze(body));
    }
  });

  it("a day without news names the nearest days that have some, and exits 1", async () => {
    const { err, code, out } = await cli("--json", "--date", "2020-03-29");
    expect(code).toBe(1);
    const json = JSON.parse(out) as { error: string; nearestDays: string[] };
    expect(json.nearestDays.length).toBeGreaterThan(0);
    for (const d of json.nearestDays) {
      expect(store.list({ date: d }).length).toBeGreaterThan(0);
      expect(err).toContain(d);
    }
  });
});
