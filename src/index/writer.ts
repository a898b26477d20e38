import fs from "node:fs";
import path from "node:path";
import { buildPostings } from "./bm25.js";
import { blobToInt32, type ChunkRow, type IndexDb, insertChunks, int32ToBlob, openIndexDb } from "./index-db.js";
import {
  DerivedIndexError,
  INDEX_FORMAT,
  type IndexManifest,
  readManifest,
  type SegmentInfo,
  writeManifest,
} from "./manifest.js";
import { buildGraph, type LabeledVector, readGraph, writeGraph } from "./segment.js";

/** Deltas beyond this many are merged into one (see `IndexWriter.commit`). */
export const MAX_DELTAS = 8;

/** A new chunk for `IndexWriter.commit`: its row (without label), vector and BM25 tokens. */
export interface NewChunk {
  row: Omit<ChunkRow, "label" | "length">;
  vector: Float32Array;
  tokens: string[];
}

/** Options of `IndexWriter.open`. */
export interface IndexWriterOptions {
  /** Ignore whatever is in the folder (even torn files) and start a new index. */
  rebuild?: boolean;
  /** The embedding model and pooling the new vectors come from; an index of others is started anew. */
  model: string;
  pooling: string;
}

/** Files of an index folder that a writer owns and may delete when no manifest names them. */
const OWN_FILE =
  /^(seg-\d+\.hnsw|index\.\d+\.db(-wal|-shm|-journal)?|hnsw\.\d+\.bin|chunks\.\d+\.json|bm25\.\d+\.json)$/;

/** The highest generation number found in the names of `dir`'s files (0 when none). */
function highestGeneration(dir: string): number {
  let max = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const m = /^(?:seg-|index\.|hnsw\.|chunks\.|bm25\.)(\d+)/.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * The writer of a segmented index folder (hold the index lock while using
 * it). Each `commit` writes one generation: the new chunks as a new delta
 * segment (an HNSW file of their own, their rows and BM25 postings in the
 * index database), the deleted chunks as tombstones, then the manifest that
 * makes it all visible at once. Nothing else is rewritten, so a day's
 * ingest writes about as much as its new chunks take. `merge` folds the
 * deltas (or everything, dropping deleted chunks) into one segment.
 */
export class IndexWriter {
  private constructor(
    readonly dir: string,
    private db: IndexDb,
    /** The committed manifest, undefined until the first commit of a new index. */
    private committed: IndexManifest | undefined,
    /** The manifest found on open that this writer replaces (its files are kept one generation). */
    private previous: IndexManifest | undefined,
    private generation: number,
    private readonly dbName: string,
    private readonly opts: IndexWriterOptions,
  ) {}

  /**
   * Opens the index of `dir` for writing. An index built by another model,
   * pooling or format, or `rebuild`, starts a new index (new database file)
   * from scratch; with `rebuild` nothing in the folder is even read, so torn
   * files cannot stop it. Otherwise what a crashed writer left beyond the
   * committed generation is removed first. A torn manifest or database
   * throws a `DerivedIndexError` (rebuild fixes it).
   */
  static open(dir: string, opts: IndexWriterOptions): IndexWriter {
    fs.mkdirSync(dir, { recursive: true });
    let found: IndexManifest | undefined;
    if (!opts.rebuild) found = readManifest(dir);
    const reuse =
      found && found.format === INDEX_FORMAT && found.model === opts.model && found.pooling === opts.pooling;
    if (found && reuse) {
      const db = openIndexDb(path.join(dir, found.db));
      const keep = [...found.segments, ...found.retired.segments].map((s) => s.id);
      try {
        db.transaction(() => {
          db.prepare("DELETE FROM chunks WHERE label >= ?").run(found.nextLabel);
          db.prepare("DELETE FROM tombstones WHERE gen > ?").run(found.generation);
          db.prepare(`DELETE FROM postings WHERE seg NOT IN (${keep.join(",") || "-1"})`).run();
        })();
      } catch (err) {
        db.close();
        throw new DerivedIndexError(path.join(dir, found.db), err);
      }
      return new IndexWriter(dir, db, found, found, found.generation, found.db, opts);
    }
    const generation = Math.max(found?.generation ?? 0, highestGeneration(dir));
    const dbName = `index.${generation + 1}.db`;
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(path.join(dir, dbName + suffix), { force: true });
    const db = openIndexDb(path.join(dir, dbName), { create: true });
    const previous = found && Array.isArray(found.segments) ? found : undefined;
    return new IndexWriter(dir, db, undefined, previous, generation, dbName, opts);
  }

  /** Whether this writer starts a new index (nothing committed in its database yet). */
  get fresh(): boolean {
    return this.committed === undefined;
  }

  /** The committed manifest (undefined for a fresh index before its first commit). */
  get manifest(): IndexManifest | undefined {
    return this.committed;
  }

  /** Article id → version of every article with live chunks in the index. */
  articleVersions(): Map<string, string> {
    const rows = this.db
      .prepare(
        "SELECT article_id, article_version FROM chunks WHERE label NOT IN (SELECT label FROM tombstones) GROUP BY article_id",
      )
      .raw()
      .all() as [string, string][];
    return new Map(rows);
  }

  /** Live labels of the chunks of `articleIds`. */
  private liveLabelsOf(articleIds: Iterable<string>): number[] {
    const stmt = this.db
      .prepare("SELECT label FROM chunks WHERE article_id = ? AND label NOT IN (SELECT label FROM tombstones)")
      .pluck();
    const out: number[] = [];
    for (const id of articleIds) out.push(...(stmt.all(id) as number[]));
    return out;
  }

  /**
   * Commits one generation: `added` as a new delta segment and the chunks of
   * `removedArticles` as deleted. Labels continue from the last commit. When
   * there are more than `MAX_DELTAS` deltas, or the deltas hold more vectors
   * than half the base, they are merged (all of them into the base in the
   * second case), so the number of segments a search visits stays small and
   * the work of merging stays proportional to what was added.
   */
  commit(added: NewChunk[], removedArticles: Iterable<string>, dim: number): IndexManifest {
    const base = this.committed;
    const gen = this.generation + 1;
    const first = base?.nextLabel ?? 0;
    const rows: ChunkRow[] = added.map((c, i) => ({ ...c.row, label: first + i, length: c.tokens.length }));
    let segment: SegmentInfo | undefined;
    if (rows.length > 0) {
      const graph = buildGraph(
        dim,
        added.map((c, i) => ({ label: first + i, vector: c.vector })),
      );
      const file = `seg-${gen}.hnsw`;
      segment = { id: gen, file, bytes: writeGraph(graph, path.join(this.dir, file)), count: rows.length };
    }
    const removed = this.liveLabelsOf(removedArticles);
    const postings = buildPostings(added.map((c, i) => ({ label: first + i, tokens: c.tokens })));
    this.db.transaction(() => {
      insertChunks(this.db, rows);
      const tomb = this.db.prepare("INSERT OR REPLACE INTO tombstones (label, gen) VALUES (?, ?)");
      for (const label of removed) tomb.run(label, gen);
      const ins = this.db.prepare("INSERT INTO postings (seg, term, labels, tfs) VALUES (?, ?, ?, ?)");
      for (const [term, list] of postings) ins.run(gen, term, int32ToBlob(list.labels), int32ToBlob(list.tfs));
    })();
    const segments = [...(base?.segments ?? []), ...(segment ? [segment] : [])];
    this.publish(gen, {
      dim,
      segments,
      nextLabel: first + rows.length,
      baseGeneration: base?.baseGeneration ?? gen,
    });
    const deltas = segments.slice(1);
    const deltaVectors = deltas.reduce((n, s) => n + s.count, 0);
    if (deltas.length > 0 && deltaVectors * 2 > (segments[0]?.count ?? 0)) this.merge("all");
    else if (deltas.length > MAX_DELTAS) this.merge("deltas");
    return this.committed as IndexManifest;
  }

  /**
   * Merges segments into one and commits that as a new generation: "deltas"
   * folds every delta into one (the base stays as it is); "all" rebuilds the
   * base from every live vector and drops deleted chunks' rows, tombstones
   * and postings (a full compaction). Labels do not change, so a search
   * returns the same chunks before and after. Returns the new manifest, or
   * the current one when there was nothing to merge.
   */
  merge(which: "deltas" | "all"): IndexManifest | undefined {
    const m = this.committed;
    if (!m) return undefined;
    const targets = which === "all" ? m.segments : m.segments.slice(1);
    const tombstones = (this.db.prepare("SELECT COUNT(*) FROM tombstones").pluck().get() as number) > 0;
    if (targets.length === 0 || (targets.length === 1 && !(which === "all" && tombstones))) return m;
    const gen = this.generation + 1;
    const dead = new Set(this.db.prepare("SELECT label FROM tombstones").pluck().all() as number[]);
    const items: LabeledVector[] = [];
    for (const s of targets) {
      const g = readGraph(path.join(this.dir, s.file), m.dim, s.bytes);
      for (const label of g.getIdsList())
        if (!dead.has(label)) items.push({ label, vector: Float32Array.from(g.getPoint(label)) });
    }
    items.sort((a, b) => a.label - b.label);
    let segment: SegmentInfo | undefined;
    if (items.length > 0) {
      const file = `seg-${gen}.hnsw`;
      segment = {
        id: gen,
        file,
        bytes: writeGraph(buildGraph(m.dim, items), path.join(this.dir, file)),
        count: items.length,
      };
    }
    const ids = targets.map((s) => s.id).join(",");
    const rows = this.db
      .prepare(`SELECT term, labels, tfs FROM postings WHERE seg IN (${ids}) ORDER BY seg`)
      .raw()
      .all() as [string, Buffer, Buffer][];
    const merged = new Map<string, { labels: number[]; tfs: number[] }>();
    for (const [term, lb, tb] of rows) {
      const labels = blobToInt32(lb);
      const tfs = blobToInt32(tb);
      let acc = merged.get(term);
      for (let i = 0; i < labels.length; i++) {
        if (dead.has(labels[i] as number)) continue;
        if (!acc) {
          acc = { labels: [], tfs: [] };
          merged.set(term, acc);
        }
        acc.labels.push(labels[i] as number);
        acc.tfs.push(tfs[i] as number);
      }
    }
    this.db.transaction(() => {
      const ins = this.db.prepare("INSERT INTO postings (seg, term, labels, tfs) VALUES (?, ?, ?, ?)");
      for (const [term, { labels, tfs }] of merged) {
        ins.run(gen, term, int32ToBlob(Int32Array.from(labels)), int32ToBlob(Int32Array.from(tfs)));
      }
      if (which === "all") {
        this.db.prepare("DELETE FROM chunks WHERE label IN (SELECT label FROM tombstones)").run();
        this.db.prepare("DELETE FROM tombstones").run();
      }
    })();
    const kept = which === "all" ? [] : m.segments.slice(0, 1);
    this.publish(gen, {
      dim: m.dim,
      segments: [...kept, ...(segment ? [segment] : [])],
      nextLabel: m.nextLabel,
      baseGeneration: which === "all" ? gen : m.baseGeneration,
    });
    return this.committed;
  }

  /** Writes the manifest of generation `gen` (the commit point), then removes files no reader needs any more. */
  private publish(gen: number, s: Pick<IndexManifest, "dim" | "segments" | "nextLabel" | "baseGeneration">): void {
    const prev = this.committed ?? this.previous;
    const counts = this.db
      .prepare(
        "SELECT COUNT(*) AS chunks, COUNT(DISTINCT article_id) AS articles FROM chunks WHERE label NOT IN (SELECT label FROM tombstones)",
      )
      .get() as { chunks: number; articles: number };
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      generation: gen,
      baseGeneration: s.baseGeneration,
      model: this.opts.model,
      pooling: this.opts.pooling,
      dim: s.dim,
      db: this.dbName,
      nextLabel: s.nextLabel,
      segments: s.segments,
      retired: {
        db: prev && prev.db !== this.dbName ? prev.db : undefined,
        segments: (prev?.segments ?? []).filter((p) => !s.segments.some((n) => n.id === p.id)),
      },
      chunks: counts.chunks,
      articles: counts.articles,
      updatedAt: new Date().toISOString(),
    };
    writeManifest(this.dir, manifest);
    this.committed = manifest;
    this.generation = gen;
    this.cleanUp(manifest);
  }

  /** Deletes files and postings of generations older than the previous one, and leftovers of crashed writes. */
  private cleanUp(m: IndexManifest): void {
    const segs = [...m.segments, ...m.retired.segments];
    const keep = new Set(segs.map((s) => s.file));
    for (const db of [m.db, m.retired.db]) {
      if (db) for (const suffix of ["", "-wal", "-shm"]) keep.add(db + suffix);
    }
    for (const name of fs.readdirSync(this.dir)) {
      if (keep.has(name)) continue;
      if (OWN_FILE.test(name) || name.includes(".tmp-")) fs.rmSync(path.join(this.dir, name), { force: true });
    }
    this.db.prepare(`DELETE FROM postings WHERE seg NOT IN (${segs.map((s) => s.id).join(",") || "-1"})`).run();
  }

  /** Closes the index database. */
  close(): void {
    this.db.close();
  }
}
