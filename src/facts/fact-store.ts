import { findNumbers } from "../core/zh/numbers.js";
import type { Db } from "../store/db.js";
import type { Fact, FactKind, PersonFact, RoleFact } from "./types.js";

/** Bumped when extraction rules change: articles extracted by an older version are redone. */
export const EXTRACTOR_VERSION = 9;

interface FactRow {
  article_id: string;
  kind: FactKind;
  name: string | null;
  post: string | null;
  role: string | null;
  value: string;
  start: number;
  end: number;
  quote_start: number;
  quote_end: number;
}

/** A stored row back to its typed fact; a quantity's value and unit are read from what is printed. */
function toFact(r: FactRow): Fact {
  const base = {
    articleId: r.article_id,
    value: r.value,
    start: r.start,
    end: r.end,
    quoteStart: r.quote_start,
    quoteEnd: r.quote_end,
  };
  switch (r.kind) {
    case "person":
      return { ...base, kind: "person", name: r.name ?? "", post: r.post };
    case "role":
      return { ...base, kind: "role", role: r.role ?? "", name: r.name, post: r.post };
    case "quantity": {
      const n = findNumbers(r.value)[0];
      return { ...base, kind: "quantity", amount: n?.value ?? Number.NaN, unit: r.role ?? "" };
    }
    case "date":
    case "place":
      return { ...base, kind: r.kind };
    default:
      throw new Error(`unknown fact kind "${String(r.kind)}" in the facts table: re-run ingest to re-extract facts`);
  }
}

/** The name, post and role columns of a fact (a quantity keeps its unit in `role`). */
function columns(f: Fact): { name: string | null; post: string | null; role: string | null } {
  if (f.kind === "person") return { name: f.name, post: f.post, role: null };
  if (f.kind === "role") return { name: f.name, post: f.post, role: f.role };
  if (f.kind === "quantity") return { name: null, post: null, role: f.unit };
  return { name: null, post: null, role: null };
}

/**
 * The extracted facts, in the articles database (tables `facts` and
 * `fact_articles`). `fact_articles` records which stored version of an
 * article (its `ingestedAt`) was processed by which extractor version, so
 * an article without any fact is not processed again, and a re-stored one is.
 */
export class FactStore {
  constructor(readonly db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS fact_articles (
        article_id TEXT PRIMARY KEY, ingested_at TEXT NOT NULL, version INTEGER NOT NULL, extracted_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS facts (
        id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT, post TEXT, role TEXT,
        value TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        quote_start INTEGER NOT NULL, quote_end INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS facts_article ON facts(article_id);
      CREATE INDEX IF NOT EXISTS facts_name ON facts(name);
      CREATE INDEX IF NOT EXISTS facts_kind_role ON facts(kind, role);
    `);
  }

  /** Ids of stored articles that need (re)extraction: new, re-stored, or done by an older extractor. */
  pending(): string[] {
    return (
      this.db
        .prepare(
          `SELECT a.id FROM articles a LEFT JOIN fact_articles f ON f.article_id = a.id
           WHERE f.article_id IS NULL OR f.version != ? OR f.ingested_at != a.ingested_at`,
        )
        .all(EXTRACTOR_VERSION) as { id: string }[]
    ).map((r) => r.id);
  }

  /** Ids of processed articles that are no longer stored. */
  orphans(): string[] {
    return (
      this.db
        .prepare(
          "SELECT f.article_id AS id FROM fact_articles f LEFT JOIN articles a ON a.id = f.article_id WHERE a.id IS NULL",
        )
        .all() as { id: string }[]
    ).map((r) => r.id);
  }

  /** Replaces the facts of article `articleId` (stored at `ingestedAt`) with `facts`, atomically. */
  put(articleId: string, ingestedAt: string, facts: Fact[]): void {
    const tx = this.db.transaction(() => {
      this.db.prepare("DELETE FROM facts WHERE article_id = ?").run(articleId);
      const ins = this.db.prepare(
        `INSERT INTO facts (article_id, kind, name, post, role, value, start, "end", quote_start, quote_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const f of facts) {
        const c = columns(f);
        ins.run(articleId, f.kind, c.name, c.post, c.role, f.value, f.start, f.end, f.quoteStart, f.quoteEnd);
      }
      this.db
        .prepare(
          "INSERT OR REPLACE INTO fact_articles (article_id, ingested_at, version, extracted_at) VALUES (?, ?, ?, ?)",
        )
        .run(articleId, ingestedAt, EXTRACTOR_VERSION, new Date().toISOString());
    });
    tx();
  }

  /** Deletes the facts of article `articleId`. */
  remove(articleId: string): void {
    const tx = this.db.transaction(() => {
      this.db.prepare("DELETE FROM facts WHERE article_id = ?").run(articleId);
      this.db.prepare("DELETE FROM fact_articles WHERE article_id = ?").run(articleId);
    });
    tx();
  }

  /** All facts of one article, in text order. */
  forArticle(articleId: string): Fact[] {
    return (
      this.db.prepare("SELECT * FROM facts WHERE article_id = ? ORDER BY start, id").all(articleId) as FactRow[]
    ).map(toFact);
  }

  /** Person facts whose post contains `post` (e.g. "人大常委会主任"), optionally limited to some articles. */
  byPost(post: string, articleIds?: string[]): PersonFact[] {
    const rows = this.db
      .prepare("SELECT * FROM facts WHERE kind = 'person' AND post LIKE ? ORDER BY article_id, start")
      .all(`%${post}%`) as FactRow[];
    const keep = articleIds ? new Set(articleIds) : undefined;
    return rows.filter((r) => !keep || keep.has(r.article_id)).map((r) => toFact(r) as PersonFact);
  }

  /** Person and role facts about the person `name`. */
  byName(name: string): (PersonFact | RoleFact)[] {
    return (
      this.db.prepare("SELECT * FROM facts WHERE name = ? ORDER BY article_id, start").all(name) as FactRow[]
    ).map((r) => toFact(r) as PersonFact | RoleFact);
  }

  /** Number of stored facts. */
  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM facts").get() as { n: number }).n;
  }
}
