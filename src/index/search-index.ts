import fs from "node:fs";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import type { ChunkMetadata } from "../core/types.js";
import { type Bm25Hit, bm25Search, type PostingList } from "./bm25.js";
import { blobToInt32, type IndexDb, type IndexedChunk, openIndexDb, rowToChunk } from "./index-db.js";
import { DerivedIndexError, INDEX_FORMAT, type IndexManifest, REBUILD_HINT, readManifest } from "./manifest.js";
import { type Hnsw, readGraph, searchGraph } from "./segment.js";

// The index folder and its manifest, re-exported where callers of the previous layout import them from.
export { readManifest, searchIndexDir } from "./manifest.js";

/** What a search may be restricted to: a district (main or named) and an inclusive date range. */
export interface ChunkFilterSpec {
  district?: string;
  /** YYYY-MM-DD; undated chunks are then left out. */
  dateFrom?: string;
  dateTo?: string;
}

/** A scored label, from the dense or the lexical side. */
export interface LabelHit {
  label: number;
  score: number;
}

/** YYYY-MM-DD as the integer YYYYMMDD (0 for none). */
function dateNumber(date: string | null | undefined): number {
  return date ? Number(date.slice(0, 10).replaceAll("-", "")) || 0 : 0;
}

/**
 * A reader of the segmented index of one `INDEX_DIR/search` folder, as of
 * one committed generation (see `IndexManifest`). It keeps in memory only
 * what every search touches: each segment's HNSW graph and, per chunk label,
 * four numbers in typed arrays (BM25 length or -1 when deleted, date,
 * district set). Chunk rows (metadata, text) and BM25 postings stay in the
 * index database and are read per search. `refresh` picks up a newer
 * generation by loading only what it added (new delta graphs, new rows,
 * new tombstones); only a rebuild or full compaction makes it reload all.
 */
export class SearchIndex {
  manifest!: IndexManifest;
  private db!: IndexDb;
  private graphs = new Map<number, Hnsw>();
  private lengths = new Int32Array(0);
  private dates = new Int32Array(0);
  private districtSet = new Int32Array(0);
  private sets: string[][] = [];
  private setIds = new Map<string, number>();
  private live = 0;
  private totalLength = 0;
  private acc = new Float64Array(0);
  private postingsStmt: ReturnType<IndexDb["prepare"]> | undefined;
  private chunkStmt: ReturnType<IndexDb["prepare"]> | undefined;

  private constructor(readonly dir: string) {}

  /**
   * Opens the current generation of `dir`, or undefined when nothing was
   * ever indexed there. A torn or missing derived file throws an error that
   * names it and says to run `ingest --rebuild`.
   */
  static open(dir: string): SearchIndex | undefined {
    const manifest = SearchIndex.readCurrent(dir);
    if (!manifest) return undefined;
    const index = new SearchIndex(dir);
    index.stamp = index.manifestStamp();
    index.loadRetrying(manifest);
    return index;
  }

  private static readCurrent(dir: string): IndexManifest | undefined {
    const m = readManifest(dir);
    if (m && m.format !== INDEX_FORMAT) {
      throw new Error(
        `the index in ${dir} has format ${m.format}, this version reads ${INDEX_FORMAT}; ${REBUILD_HINT}`,
      );
    }
    return m;
  }

  /** Loads `m`; when a concurrent writer replaced it meanwhile (and removed its files), loads the newer one. */
  private loadRetrying(m: IndexManifest): void {
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.manifest && this.manifest.db === m.db && this.manifest.baseGeneration === m.baseGeneration) {
          this.loadIncrement(m);
        } else {
          this.loadAll(m);
        }
        return;
      } catch (err) {
        const now = readManifest(this.dir);
        if (!(err instanceof DerivedIndexError) || attempt >= 2 || !now || now.generation === m.generation) throw err;
        m = now;
      }
    }
  }

  /** `stat` of the manifest as last read: a refresh with the same stamp reads nothing. */
  private stamp = "";

  private manifestStamp(): string {
    try {
      const st = fs.statSync(path.join(this.dir, "manifest.json"));
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      return "";
    }
  }

  /**
   * Loads a generation committed since the last look and returns whether
   * there was one. Costs one `stat` when nothing changed.
   */
  refresh(): boolean {
    const stamp = this.manifestStamp();
    if (stamp && stamp === this.stamp) return false;
    const m = SearchIndex.readCurrent(this.dir);
    this.stamp = stamp;
    if (!m) return false;
    if (m.generation === this.manifest.generation && m.db === this.manifest.db) return false;
    this.loadRetrying(m);
    return true;
  }

  private grow(n: number): void {
    if (n <= this.lengths.length) return;
    const size = Math.max(n, Math.ceil(this.lengths.length * 1.5), 1024);
    const lengths = new Int32Array(size).fill(-1);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const dates = new Int32Array(size);
    dates.set(this.dates);
    this.dates = dates;
    const sets = new Int32Array(size);
    sets.set(this.districtSet);
    this.districtSet = sets;
    this.acc = new Float64Array(size);
  }

  private loadAll(m: IndexManifest): void {
    const db = openIndexDb(path.join(this.dir, m.db));
    const graphs = new Map<number, Hnsw>();
    try {
      for (const s of m.segments) graphs.set(s.id, readGraph(path.join(this.dir, s.file), m.dim, s.bytes));
    } catch (err) {
      db.close();
      throw err;
    }
    this.db?.close();
    this.db = db;
    this.graphs = graphs;
    this.lengths = new Int32Array(0);
    this.dates = new Int32Array(0);
    this.districtSet = new Int32Array(0);
    this.sets = [];
    this.setIds = new Map();
    this.live = 0;
    this.totalLength = 0;
    this.grow(m.nextLabel);
    this.loadRows(0, m.nextLabel, -1, m.generation);
    this.setManifest(m);
  }

  private loadIncrement(m: IndexManifest): void {
    const old = this.manifest;
    const graphs = new Map<number, Hnsw>();
    for (const s of m.segments) {
      graphs.set(s.id, this.graphs.get(s.id) ?? readGraph(path.join(this.dir, s.file), m.dim, s.bytes));
    }
    this.graphs = graphs;
    this.grow(m.nextLabel);
    this.loadRows(old.nextLabel, m.nextLabel, old.generation, m.generation);
    this.setManifest(m);
  }

  private setManifest(m: IndexManifest): void {
    this.manifest = m;
    const ids = m.segments.map((s) => s.id);
    this.postingsStmt = ids.length
      ? this.db.prepare(`SELECT labels, tfs FROM postings WHERE term = ? AND seg IN (${ids.join(",")})`)
      : undefined;
    this.chunkStmt = this.db.prepare("SELECT * FROM chunks WHERE label = ?");
  }

  /** Loads chunk rows with labels in [from, to) and tombstones of generations in (afterGen, upToGen]. */
  private loadRows(from: number, to: number, afterGen: number, upToGen: number): void {
    const rows = this.db
      .prepare("SELECT label, len, date, district, districts FROM chunks WHERE label >= ? AND label < ? ORDER BY label")
      .raw()
      .all(from, to) as [number, number, string | null, string | null, string][];
    for (const [label, len, date, district, districts] of rows) {
      const list = [...new Set([...(district ? [district] : []), ...(JSON.parse(districts) as string[])])];
      const key = list.join("\u0000");
      let id = this.setIds.get(key);
      if (id === undefined) {
        id = this.sets.length;
        this.sets.push(list);
        this.setIds.set(key, id);
      }
      if ((this.lengths[label] ?? -1) < 0) {
        this.live++;
        this.totalLength += len;
      }
      this.lengths[label] = len;
      this.dates[label] = dateNumber(date);
      this.districtSet[label] = id;
    }
    const dead = this.db
      .prepare("SELECT label FROM tombstones WHERE gen > ? AND gen <= ?")
      .pluck()
      .all(afterGen, upToGen) as number[];
    for (const label of dead) {
      const len = this.lengths[label] ?? -1;
      if (len < 0) continue;
      this.lengths[label] = -1;
      this.live--;
      this.totalLength -= len;
    }
  }

  /** Number of live chunks. */
  get size(): number {
    return this.live;
  }

  /** Whether every vector of the segments (and label of their postings) is live: nothing deleted since the last compaction. */
  private allLive(): boolean {
    return this.manifest.segments.reduce((n, s) => n + s.count, 0) === this.live;
  }

  /** Whether chunk `label` is live. */
  has(label: number): boolean {
    return (this.lengths[label] ?? -1) >= 0;
  }

  /** The filter of `spec` on live labels (undefined when it restricts nothing). */
  filterFor(spec: ChunkFilterSpec): ((label: number) => boolean) | undefined {
    if (!spec.district && !spec.dateFrom && !spec.dateTo) return undefined;
    const setOk = spec.district ? this.sets.map((s) => s.includes(spec.district as string)) : undefined;
    const from = spec.dateFrom ? dateNumber(spec.dateFrom) : 0;
    const to = spec.dateTo ? dateNumber(spec.dateTo) : 0;
    const dated = Boolean(spec.dateFrom || spec.dateTo);
    return (label) => {
      if (setOk && !setOk[this.districtSet[label] as number]) return false;
      if (!dated) return true;
      const d = this.dates[label] as number;
      return d !== 0 && (!from || d >= from) && (!to || d <= to);
    };
  }

  /**
   * The `k` live chunks nearest to `query` by cosine, best first, among
   * those `accept` takes: every segment's graph is searched and the lists
   * are merged.
   */
  searchDense(query: ArrayLike<number>, k: number, accept?: (label: number) => boolean): LabelHit[] {
    if (this.live === 0 || k <= 0) return [];
    const filter =
      accept || !this.allLive() ? (label: number) => this.has(label) && (!accept || accept(label)) : undefined;
    const q = Array.from(query);
    const hits: LabelHit[] = [];
    for (const g of this.graphs.values()) hits.push(...searchGraph(g, q, k, filter));
    return hits.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, k);
  }

  /** The term's posting lists in every segment. */
  private postings(term: string): PostingList[] {
    if (!this.postingsStmt) return [];
    return (this.postingsStmt.all(term) as { labels: Buffer; tfs: Buffer }[]).map((r) => ({
      labels: blobToInt32(r.labels),
      tfs: blobToInt32(r.tfs),
    }));
  }

  /** The `k` best live chunks for the BM25 query `tokens`, best first, among those `accept` takes. */
  searchBm25(tokens: string[], k: number, accept?: (label: number) => boolean): Bm25Hit[] {
    return bm25Search(
      tokens,
      (t) => this.postings(t),
      {
        lengths: this.lengths,
        docs: this.live,
        totalLength: this.totalLength,
        allLive: this.allLive(),
      },
      k,
      accept,
      this.acc,
    );
  }

  /** The stored chunk of `label` (metadata and text), or undefined when it is gone. */
  chunk(label: number): IndexedChunk | undefined {
    const row = this.chunkStmt?.get(label) as Parameters<typeof rowToChunk>[0] | undefined;
    return row ? rowToChunk(row) : undefined;
  }

  /** Closes the index database. */
  close(): void {
    this.db?.close();
  }
}

/** A chunk as a LangChain document (`pageContent` = chunk text, `metadata.score` = `score`). */
export function toDocument(chunk: IndexedChunk, score: number): Document<ChunkMetadata> {
  return new Document<ChunkMetadata>({ pageContent: chunk.text, metadata: { ...chunk.metadata, score } });
}
