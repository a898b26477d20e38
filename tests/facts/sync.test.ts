import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FactStore } from "../../src/facts/fact-store.js";
import { syncFacts } from "../../src/facts/sync.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";
import { sampleArticles } from "../answer/fixtures/sample-articles.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function freshStore(): ArticleStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "facts-"));
  dirs.push(dir);
  return new ArticleStore(openDb(dir));
}

const file = (source: string, n: number, ingestedAt = "2026-01-01T00:00:00.000Z") => ({
  source,
  path: `/x/${source}`,
  hash: `${source}:${ingestedAt}`,
  size: 1,
  encoding: "utf-8",
  articleCount: n,
  ingestedAt,
});

describe("syncFacts", () => {
  it("extracts new articles once, drops removed ones, redoes re-stored ones", () => {
    const store = freshStore();
    const meng = sampleArticles().filter((a) => a.source === "004.txt");
    const wei = sampleArticles().filter((a) => a.source === "002.txt");
    store.putFile(file("004.txt", meng.length), meng);
    store.putFile(file("002.txt", wei.length), wei);

    expect(syncFacts(store)).toEqual({ added: meng.length + wei.length, removed: 0 });
    const facts = new FactStore(store.db);
    expect(facts.byName("卢和平").some((f) => f.kind === "role" && f.role === "主持")).toBe(true);
    expect(facts.byPost("人大常委会主任").map((f) => f.name)).toContain("朱孝哲");
    // Nothing changed: nothing to do.
    expect(syncFacts(store)).toEqual({ added: 0, removed: 0 });

    // A file removed: its articles' facts go.
    store.removeFile("002.txt");
    expect(syncFacts(store)).toEqual({ added: 0, removed: wei.length });
    expect(facts.byName("朱孝哲")).toEqual([]);

    // A file re-stored (same ids, new ingest time, changed text): extracted again.
    const changed = meng.map((a) => ({
      ...a,
      text: a.text.replace(/卢和平/g, "卢建华"),
      ingestedAt: "2026-02-01T00:00:00.000Z",
    }));
    store.putFile(file("004.txt", changed.length, "2026-02-01T00:00:00.000Z"), changed);
    expect(syncFacts(store)).toEqual({ added: meng.length, removed: 0 });
    expect(facts.byName("卢和平")).toEqual([]);
    expect(facts.byName("卢建华").length).toBeGreaterThan(0);
  });

  it("records articles without any fact, so they are not processed again", () => {
    const store = freshStore();
    const a = {
      ...(sampleArticles()[0] as never as Record<string, unknown>),
      id: "deadbeef",
      source: "x.txt",
      text: "天气晴。",
    };
    store.putFile(file("x.txt", 1), [a as never]);
    expect(syncFacts(store)).toEqual({ added: 1, removed: 0 });
    expect(syncFacts(store)).toEqual({ added: 0, removed: 0 });
  });
});
