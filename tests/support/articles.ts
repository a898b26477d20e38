import type { Article } from "../../src/core/types.js";
import type { ArticleStore } from "../../src/store/articles.js";

/**
 * An article for tests: the fields a test names, and neutral defaults for the
 * rest (no district, no date, one-sentence body made of the title, stored on
 * 2026-01-01). `districts` follows `district` unless given.
 */
export function testArticle(p: Partial<Article> & Pick<Article, "id" | "title">): Article {
  return {
    subtitle: null,
    district: null,
    districts: p.district ? [p.district] : [],
    date: null,
    dateText: null,
    byline: null,
    text: `${p.title}。`,
    repeatedParagraphs: [],
    source: "test.txt",
    seq: 0,
    ingestedAt: "2026-01-01T00:00:00.000Z",
    ...p,
  };
}

/**
 * Stores `articles` as bulletin file `source` with a made-up file record,
 * replacing that file's previous articles (as a re-ingest would).
 */
export function storeFile(store: ArticleStore, source: string, articles: Article[], ingestedAt: string): void {
  store.putFile(
    {
      source,
      path: `/tmp/${source}`,
      hash: source,
      size: 1,
      encoding: "utf-8",
      articleCount: articles.length,
      ingestedAt,
    },
    articles,
  );
}
