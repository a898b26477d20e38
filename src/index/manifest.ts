import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/env.js";
import { writeFileAtomic } from "./atomic.js";

/** Version of the on-disk layout; an index of another version is rebuilt by the next ingest, never misread. */
export const INDEX_FORMAT = 2;

/** The command that rebuilds every derived file from news.db (quoted in error messages). */
export const REBUILD_HINT = "run `npm run -s cli -- ingest --rebuild` to rebuild the search index from news.db";

/** One segment of the index: an HNSW graph of its own, its BM25 postings in the index database. */
export interface SegmentInfo {
  /** Segment id: the generation that wrote it (unique in the folder). */
  id: number;
  /** The HNSW file, `seg-<id>.hnsw`. */
  file: string;
  /** Its size in bytes (a shorter file is reported as torn, not fed to hnswlib). */
  bytes: number;
  /** Number of vectors in the graph, live or deleted since. */
  count: number;
}

/**
 * `INDEX_DIR/search/manifest.json`: the committed state of the index. It is
 * replaced atomically by every writer, so a reader sees one generation whole.
 * Chunk rows with a label below `nextLabel` and tombstones of a generation up
 * to `generation` (both in `db`) belong to it; anything beyond is a crashed
 * writer's and is ignored, then cleaned up by the next writer.
 */
export interface IndexManifest {
  format: number;
  generation: number;
  /** Generation of the last rebuild or full compaction: a reader reloads wholly when it changes. */
  baseGeneration: number;
  /** Embedding model name, pooling and vector dimension the vectors were made with. */
  model: string;
  pooling: string;
  dim: number;
  /** The SQLite file of chunk rows, tombstones and BM25 postings, e.g. `index.1.db`. */
  db: string;
  /** The label the next chunk gets (labels are never reused). */
  nextLabel: number;
  /** The segments searched, the base (largest) first, then the deltas, oldest first. */
  segments: SegmentInfo[];
  /** Files of the previous generation no longer in this one, kept one generation for readers still on it. */
  retired: { db?: string; segments: SegmentInfo[] };
  /** Live chunks and indexed articles. */
  chunks: number;
  articles: number;
  updatedAt: string;
}

/** A derived index file is missing, torn or unreadable: names the file and says how to rebuild it. */
export class DerivedIndexError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`the search index file ${file} cannot be read (${why}); ${REBUILD_HINT}`, { cause });
    this.name = "DerivedIndexError";
  }
}

/** The folder holding the semantic and lexical index files: `INDEX_DIR/search`. */
export function searchIndexDir(config: Pick<Config, "indexDir">): string {
  return path.join(config.indexDir, "search");
}

/** Whether `m` has the shape of a manifest of this format (a torn or foreign file does not). */
function isManifest(m: unknown): m is IndexManifest {
  const x = m as IndexManifest;
  return (
    typeof x === "object" &&
    x !== null &&
    Number.isInteger(x.generation) &&
    typeof x.db === "string" &&
    Array.isArray(x.segments) &&
    Number.isInteger(x.nextLabel)
  );
}

/**
 * Reads the manifest of `dir`: undefined when no index was ever committed
 * there; a manifest of another format is returned as is (its `format` says so).
 * A torn or unparsable manifest throws a `DerivedIndexError`.
 */
export function readManifest(dir: string): IndexManifest | undefined {
  const file = path.join(dir, "manifest.json");
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DerivedIndexError(file, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new DerivedIndexError(file, err);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === "number" && format !== INDEX_FORMAT) return json as IndexManifest;
  if (!isManifest(json)) throw new DerivedIndexError(file, new Error("not a manifest of this index format"));
  return json;
}

/** Commits `manifest` as the current state of `dir` (atomic replace). */
export function writeManifest(dir: string, manifest: IndexManifest): void {
  writeFileAtomic(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
