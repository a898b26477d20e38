import type Database from "better-sqlite3";
import type { Article, ArticleFilter } from "../core/types.js";
import type { Db } from "./db.js";
import { titleGrams, titleQuery } from "./title-grams.js";

/** What the store remembers about one ingested bulletin file. */
export interface FileRecord {
  /** File name, the `source` of its articles. */
  source: string;
  /** Absolute path it was read from. */
  path: string;
  /** sha256 of the raw bytes: an unchanged file is skipped on re-ingest. */
  hash: string;
  size: number;
  /** Encoding it was decoded from ("utf-8", "gb18030"). */
  encoding: string;
  articleCount: number;
  ingestedAt: string;
}

interface ArticleRow {
  id: string;
  source: string;
  seq: number;
  title: string;
  title_derived: number;
  subtitle: string | null;
  district: string | null;
  districts: string;
  date: string | null;
  date_text: string | null;
  byline: string | null;
  text: string;
  repeated: string;
  ingested_at: string;
}

/** An article is "of" a district when it is its main district or one it names (SQL, named parameters). */
const DISTRICT_MATCH = "(district = @district OR districts LIKE @districtLike)";

/** The parameters of `DISTRICT_MATCH` for `district`. */
function districtParams(district: string): { district: string; districtLike: string } {
  return { district, districtLike: `%"${district}"%` };
}

/** The FTS5 query that finds the title-index row of article `id`. */
function idMatch(id: string): string {
  return `id : "${id.replaceAll('"', '""')}"`;
}

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    source: r.source,
    seq: r.seq,
    title: r.title,
    ...(r.title_derived ? { titleDerived: true } : {}),
    subtitle: r.subtitle,
    district: r.district,
    districts: JSON.parse(r.districts) as string[],
    date: r.date,
    dateText: r.date_text,
    byline: r.byline,
    text: r.text,
    repeatedParagraphs: JSON.parse(r.repeated) as number[],
    ingestedAt: r.ingested_at,
  };
}

/**
 * The articles and bulletin files, in SQLite (`INDEX_DIR/news.db`). It is the
 * source of truth every other index (vectors, BM25, facts) is derived from:
 * those sync themselves against `ids()`. Writing a file's articles replaces
 * its previous ones in one transaction.
 */
export class ArticleStore {
  constructor(readonly db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS files (
        source TEXT PRIMARY KEY, path TEXT NOT NULL, hash TEXT NOT NULL, size INTEGER NOT NULL,
        encoding TEXT NOT NULL, article_count INTEGER NOT NULL, ingested_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, source TEXT NOT NULL REFERENCES files(source) ON DELETE CASCADE,
        seq INTEGER NOT NULL, title TEXT NOT NULL, subtitle TEXT, district TEXT, districts TEXT NOT NULL,
        date TEXT, date_text TEXT, byline TEXT, text TEXT NOT NULL, repeated TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
      CREATE INDEX IF NOT EXISTS articles_source ON articles(source, seq);
      CREATE INDEX IF NOT EXISTS articles_ingested ON articles(ingested_at);
    `);
    // Stores made before titles could be derived lack the column: add it (0 = printed headline).
    const columns = db.prepare("PRAGMA table_info(articles)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "title_derived")) {
      db.exec("ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0");
    }
    this.ensureTitleIndex();
  }

  /**
   * Creates the FTS5 title index (`article_titles`: article id + the title's
   * character bigrams, see `titleGrams`) and fills it from `articles` when it
   * is new or out of step with it (a database written by an older version).
   */
  private ensureTitleIndex(): void {
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_titles'")
      .get();
    if (!exists) this.db.exec("CREATE VIRTUAL TABLE article_titles USING fts5(id, grams, tokenize = 'unicode61')");
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    if (exists && count("SELECT COUNT(*) AS n FROM article_titles") === count("SELECT COUNT(*) AS n FROM articles")) {
      return;
    }
    const fill = this.db.transaction(() => {
      this.db.exec("DELETE FROM article_titles");
      const ins = this.db.prepare("INSERT INTO article_titles (id, grams) VALUES (?, ?)");
      const rows = this.db.prepare("SELECT id, title FROM articles").all() as { id: string; title: string }[];
      for (const r of rows) ins.run(r.id, titleGrams(r.title));
    });
    fill();
  }

  /** Drops the title-index rows of the articles of file `source` (before they are deleted or replaced). */
  private dropTitles(source: string): void {
    const ids = this.db.prepare("SELECT id FROM articles WHERE source = ?").pluck().all(source) as string[];
    const del = this.db.prepare("DELETE FROM article_titles WHERE article_titles MATCH ?");
    for (const id of ids) del.run(idMatch(id));
  }

  /** The stored record of file `source`, or undefined. */
  getFile(source: string): FileRecord | undefined {
    const r = this.db
      .prepare(
        "SELECT source, path, hash, size, encoding, article_count AS articleCount, ingested_at AS ingestedAt FROM files WHERE source = ?",
      )
      .get(source) as FileRecord | undefined;
    return r;
  }

  /** Every stored file, by name. */
  listFiles(): FileRecord[] {
    return this.db
      .prepare(
        "SELECT source, path, hash, size, encoding, article_count AS articleCount, ingested_at AS ingestedAt FROM files ORDER BY source",
      )
      .all() as FileRecord[];
  }

  /** Replaces file `file.source` and all its articles with `articles`, atomically. */
  putFile(file: FileRecord, articles: Article[]): void {
    const tx = this.db.transaction(() => {
      this.dropTitles(file.source);
      this.db.prepare("DELETE FROM files WHERE source = ?").run(file.source);
      this.db
        .prepare(
          "INSERT INTO files (source, path, hash, size, encoding, article_count, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(file.source, file.path, file.hash, file.size, file.encoding, articles.length, file.ingestedAt);
      const ins = this.db.prepare(
        `INSERT INTO articles (id, source, seq, title, title_derived, subtitle, district, districts, date, date_text, byline, text, repeated, ingested_at)
         VALUES (@id, @source, @seq, @title, @titleDerived, @subtitle, @district, @districts, @date, @dateText, @byline, @text, @repeated, @ingestedAt)`,
      );
      const insTitle = this.db.prepare("INSERT INTO article_titles (id, grams) VALUES (?, ?)");
      for (const a of articles) {
        ins.run({
          ...a,
          titleDerived: a.titleDerived ? 1 : 0,
          districts: JSON.stringify(a.districts),
          repeated: JSON.stringify(a.repeatedParagraphs),
        });
        insTitle.run(a.id, titleGrams(a.title));
      }
    });
    tx();
  }

  /** Deletes file `source` and its articles. Returns whether it existed. */
  removeFile(source: string): boolean {
    const tx = this.db.transaction(() => {
      this.dropTitles(source);
      return this.db.prepare("DELETE FROM files WHERE source = ?").run(source).changes > 0;
    });
    return tx();
  }

  /** The article with id `id`, or undefined. */
  get(id: string): Article | undefined {
    const r = this.db.prepare("SELECT * FROM articles WHERE id = ?").get(id) as ArticleRow | undefined;
    return r ? toArticle(r) : undefined;
  }

  /** Articles matching `filter`, in page order (file name, then position on the page). */
  list(filter: ArticleFilter = {}): Article[] {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.district) {
      where.push(DISTRICT_MATCH);
      Object.assign(params, districtParams(filter.district));
    }
    if (filter.date) {
      where.push("date = @date");
      params.date = filter.date;
    }
    if (filter.dateFrom) {
      where.push("date >= @dateFrom");
      params.dateFrom = filter.dateFrom;
    }
    if (filter.dateTo) {
      where.push("date <= @dateTo");
      params.dateTo = filter.dateTo;
    }
    if (filter.source) {
      where.push("source = @source");
      params.source = filter.source;
    }
    if (filter.ingestedAfter) {
      where.push("ingested_at > @ingestedAfter");
      params.ingestedAfter = filter.ingestedAfter;
    }
    const sql = `SELECT * FROM articles ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY source, seq`;
    return (this.db.prepare(sql).all(params) as ArticleRow[]).map(toArticle);
  }

  /** Ids of all stored articles: what derived indexes sync against. */
  ids(): string[] {
    return (this.db.prepare("SELECT id FROM articles").all() as { id: string }[]).map((r) => r.id);
  }

  /**
   * Article id → version (its `ingestedAt`) of every stored article: what the
   * search index compares itself against to find new, changed and removed
   * articles.
   */
  versions(): Map<string, string> {
    const rows = this.db.prepare("SELECT id, ingested_at AS v FROM articles").all() as { id: string; v: string }[];
    return new Map(rows.map((r) => [r.id, r.v]));
  }

  /**
   * Ids of the articles whose title contains `fragment` (ASCII letters
   * case-insensitively), the most recently stored first, at most `limit`.
   * The answerer's title look-up. Served by the FTS5 index `article_titles`
   * (a phrase of the fragment's character bigrams) in its row order, so a
   * fragment in thousands of titles costs `limit` rows, not a scan or a sort
   * of all of them; each hit is checked against the title itself, so the
   * answer is exactly "contains".
   */
  idsByTitle(fragment: string, limit = 50): string[] {
    const query = titleQuery(fragment);
    if (!query || limit <= 0) return [];
    const needle = fragment.toLowerCase();
    this.titleStmt ??= this.db.prepare(
      `SELECT t.id, a.title FROM article_titles t JOIN articles a ON a.id = t.id
       WHERE article_titles MATCH ? ORDER BY t.rowid DESC`,
    );
    const out: string[] = [];
    for (const r of this.titleStmt.iterate(`grams : ${query}`) as Iterable<{ id: string; title: string }>) {
      if (!r.title.toLowerCase().includes(needle)) continue;
      out.push(r.id);
      if (out.length >= limit) break;
    }
    return out;
  }

  private titleStmt: Database.Statement | undefined;

  /** Whether an article with id `id` is stored (a cheap check for hot paths). */
  has(id: string): boolean {
    this.hasStmt ??= this.db.prepare("SELECT 1 FROM articles WHERE id = ?").pluck();
    return this.hasStmt.get(id) !== undefined;
  }

  private hasStmt: Database.Statement | undefined;

  /** Number of stored articles. */
  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
  }

  /** Distinct dated days, newest first, with their article counts (optionally for one district). */
  days(district?: string): { date: string; count: number }[] {
    const where = district ? `AND ${DISTRICT_MATCH}` : "";
    const rows = this.db
      .prepare(
        `SELECT date, COUNT(*) AS count FROM articles WHERE date IS NOT NULL ${where} GROUP BY date ORDER BY date DESC`,
      )
      .all(district ? districtParams(district) : {});
    return rows as { date: string; count: number }[];
  }

  /** Districts with their article counts and date ranges, for `/sources`. */
  districts(): { district: string; count: number; first: string | null; last: string | null }[] {
    return this.db
      .prepare(
        `SELECT COALESCE(district, '') AS district, COUNT(*) AS count, MIN(date) AS first, MAX(date) AS last
         FROM articles GROUP BY district ORDER BY count DESC, district`,
      )
      .all() as { district: string; count: number; first: string | null; last: string | null }[];
  }
}
