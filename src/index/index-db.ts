import fs from "node:fs";
import Database from "better-sqlite3";
import type { ChunkMetadata } from "../core/types.js";
import { DerivedIndexError } from "./manifest.js";

/** A better-sqlite3 handle on the index database (`INDEX_DIR/search/index.<n>.db`). */
export type IndexDb = Database.Database;

/** One indexed chunk: its label (the same in HNSW and BM25), metadata, text, and every district its article names. */
export interface IndexedChunk {
  label: number;
  metadata: ChunkMetadata;
  /** The chunk's text: `article.text.slice(metadata.start, metadata.end)`. */
  text: string;
  /** All districts of the article (for filtering), main one first. */
  districts: string[];
}

/** A chunk as the writer stores it: an `IndexedChunk` plus its article's version and its BM25 length. */
export interface ChunkRow extends IndexedChunk {
  articleVersion: string;
  /** Number of BM25 tokens. */
  length: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS chunks (
    label INTEGER PRIMARY KEY, article_id TEXT NOT NULL, article_version TEXT NOT NULL,
    chunk_index INTEGER NOT NULL, title TEXT NOT NULL, district TEXT, districts TEXT NOT NULL, date TEXT,
    source TEXT NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, text TEXT NOT NULL,
    len INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
  CREATE TABLE IF NOT EXISTS tombstones (label INTEGER PRIMARY KEY, gen INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS postings (
    seg INTEGER NOT NULL, term TEXT NOT NULL, labels BLOB NOT NULL, tfs BLOB NOT NULL,
    PRIMARY KEY (seg, term)
  ) WITHOUT ROWID;
`;

/**
 * Opens the index database `file`: chunk rows (metadata and text, read one
 * by one, never loaded wholesale), tombstones of deleted chunks, and BM25
 * postings (one row per segment and term, labels and term frequencies as
 * Int32 blobs). WAL mode, so the bot reads while an ingest writes. With
 * `create` a missing file is created; otherwise a missing or unreadable
 * file throws a `DerivedIndexError` naming it.
 */
export function openIndexDb(file: string, opts: { create?: boolean } = {}): IndexDb {
  try {
    if (!opts.create && !fs.existsSync(file)) throw new Error("file missing");
    const db = new Database(file, { fileMustExist: !opts.create });
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    if (opts.create) db.exec(SCHEMA);
    else db.prepare("SELECT 1 FROM chunks LIMIT 1").get();
    return db;
  } catch (err) {
    if (err instanceof DerivedIndexError) throw err;
    throw new DerivedIndexError(file, err);
  }
}

interface Row {
  label: number;
  article_id: string;
  article_version: string;
  chunk_index: number;
  title: string;
  district: string | null;
  districts: string;
  date: string | null;
  source: string;
  start_pos: number;
  end_pos: number;
  text: string;
  len: number;
}

/** A stored row as an `IndexedChunk`. */
export function rowToChunk(r: Row): IndexedChunk {
  return {
    label: r.label,
    metadata: {
      chunkId: `${r.article_id}:${r.chunk_index}`,
      articleId: r.article_id,
      chunkIndex: r.chunk_index,
      title: r.title,
      district: r.district,
      date: r.date,
      source: r.source,
      start: r.start_pos,
      end: r.end_pos,
    },
    text: r.text,
    districts: JSON.parse(r.districts) as string[],
  };
}

/** Inserts chunk rows (in the caller's transaction). */
export function insertChunks(db: IndexDb, rows: ChunkRow[]): void {
  const ins = db.prepare(
    `INSERT INTO chunks (label, article_id, article_version, chunk_index, title, district, districts, date, source,
       start_pos, end_pos, text, len) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    const m = r.metadata;
    ins.run(
      r.label,
      m.articleId,
      r.articleVersion,
      m.chunkIndex,
      m.title,
      m.district,
      JSON.stringify(r.districts),
      m.date,
      m.source,
      m.start,
      m.end,
      r.text,
      r.length,
    );
  }
}

/** An Int32Array as a blob (a view, no copy), and back. */
export function int32ToBlob(a: Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * See `int32ToBlob`. A view on the blob's own memory when it is 4-byte
 * aligned (better-sqlite3 gives each blob a fresh buffer, so it always is in
 * practice), otherwise a copy: a search reads a posting list per query term
 * and copying the long lists of common terms was a tenth of its time.
 */
export function blobToInt32(b: Buffer): Int32Array {
  if (b.byteOffset % 4 === 0) return new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
  const out = new Int32Array(b.byteLength >>> 2);
  new Uint8Array(out.buffer).set(b.subarray(0, out.byteLength));
  return out;
}
