import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Article } from "../../src/core/types.js";
import { ArticleStore } from "../../src/store/articles.js";
import { openDb } from "../../src/store/db.js";
import { storeFile, testArticle } from "../support/articles.js";

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-test-"));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An article with sensible defaults for the fields a test does not care about (stored 2020-03-28). */
export function article(p: Partial<Article> & Pick<Article, "id" | "title" | "source" | "seq">): Article {
  return testArticle({ ingestedAt: "2020-03-28T00:00:00.000Z", ...p });
}

/** Stores `articles` in `store`, one bulletin file per distinct `source`, all ingested at `ingestedAt` when given. */
export function put(store: ArticleStore, articles: Article[], ingestedAt?: string): void {
  const bySource = new Map<string, Article[]>();
  for (const a of articles) {
    const x = ingestedAt ? { ...a, ingestedAt } : a;
    bySource.set(x.source, [...(bySource.get(x.source) ?? []), x]);
  }
  for (const [source, list] of bySource) {
    storeFile(store, source, list, list[0]?.ingestedAt ?? new Date().toISOString());
  }
}

/** A new ArticleStore in a temporary directory. */
export function tempStore(): { store: ArticleStore; dir: string; cleanup: () => void } {
  const t = tempDir();
  const db = openDb(t.dir);
  return {
    store: new ArticleStore(db),
    dir: t.dir,
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}
