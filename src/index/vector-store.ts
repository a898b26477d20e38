import fs from "node:fs";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import hnswlib from "hnswlib-node";
import type { ChunkMetadata } from "../core/types.js";
import { commitTempFile, tempPathFor } from "./atomic.js";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** HNSW graph parameters (fixed when the index is created). */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
/** Search-time beam width: at least this, and at least k. */
export const HNSW_EF_SEARCH = 128;

/** One indexed chunk: its label in the HNSW graph, metadata, text, and every district its article names. */
export interface IndexedChunk {
  label: number;
  metadata: ChunkMetadata;
  /** The chunk's text: `article.text.slice(metadata.start, metadata.end)`. */
  text: string;
  /** All districts of the article (for filtering), main one first. */
  districts: string[];
}

/** A filter on chunks, used by `similaritySearchVectorWithScore` and the retriever. */
export type ChunkFilter = (chunk: IndexedChunk) => boolean;

/** The JSON form of the chunk table persisted next to the HNSW file. */
export interface ChunksJson {
  version: 1;
  nextLabel: number;
  chunks: [number, Omit<ChunkMetadata, "score">, string, string[]][];
  /** [articleId, version] of every indexed article (its `ingestedAt`: a re-stored article is re-indexed). */
  articles: [string, string][];
}

/**
 * A LangChain `VectorStore` over an hnswlib-node graph (inner product on
 * L2-normalized vectors = cosine) and a table of chunk metadata keyed by
 * integer labels. Deleting marks the graph nodes deleted (`markDelete`) and
 * their slots are reused by later additions; the graph grows as needed.
 * Persisted by `writeFiles` / `readFiles` (see `SearchIndex`).
 */
export class NewsVectorStore extends VectorStore {
  declare FilterType: ChunkFilter;
  /** Chunks by label. */
  readonly chunks = new Map<number, IndexedChunk>();
  /** Labels of each article's chunks. */
  readonly byArticle = new Map<string, number[]>();
  /** Version (the stored article's `ingestedAt`) each indexed article was indexed at. */
  readonly articleVersions = new Map<string, string>();
  private nextLabel = 0;
  private hnsw: Hnsw | undefined;

  constructor(
    embeddings: EmbeddingsInterface,
    readonly dim: number,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "news-hnswlib";
  }

  /** Number of live chunks. */
  get size(): number {
    return this.chunks.size;
  }

  /** The next label `addVectors` will use. */
  get labelCounter(): number {
    return this.nextLabel;
  }

  private graph(extra: number): Hnsw {
    if (!this.hnsw) {
      this.hnsw = new HierarchicalNSW("ip", this.dim);
      this.hnsw.initIndex(Math.max(1024, extra), HNSW_M, HNSW_EF_CONSTRUCTION, 100, true);
    }
    const needed = this.hnsw.getCurrentCount() + extra;
    if (needed > this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.max(needed, this.hnsw.getMaxElements() * 2));
    return this.hnsw;
  }

  /**
   * Adds pre-computed `vectors` with their `documents`; each document's
   * metadata must be a `ChunkMetadata`, plus optionally `districts` (all the
   * article's districts, for filtering) and `articleVersion`. Returns the chunk ids.
   */
  async addVectors(vectors: ArrayLike<number>[] | number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error("addVectors: vectors and documents differ in length");
    const g = this.graph(vectors.length);
    const ids: string[] = [];
    vectors.forEach((v, i) => {
      const doc = documents[i] as DocumentInterface;
      const {
        districts,
        articleVersion,
        score: _score,
        ...meta
      } = doc.metadata as ChunkMetadata & { districts?: string[]; articleVersion?: string };
      if (v.length !== this.dim) throw new Error(`vector has dimension ${v.length}, the index ${this.dim}`);
      const label = this.nextLabel++;
      g.addPoint(Array.from(v), label, true);
      const chunk: IndexedChunk = {
        label,
        metadata: meta,
        text: doc.pageContent,
        districts: districts ?? (meta.district ? [meta.district] : []),
      };
      this.chunks.set(label, chunk);
      const list = this.byArticle.get(meta.articleId);
      if (list) list.push(label);
      else this.byArticle.set(meta.articleId, [label]);
      if (articleVersion !== undefined) this.articleVersions.set(meta.articleId, articleVersion);
      ids.push(meta.chunkId);
    });
    return ids;
  }

  /** Embeds `documents`' page content with the store's embeddings and adds them. */
  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** Deletes every chunk of the articles `articleIds` (graph nodes are marked deleted). Returns the labels removed. */
  deleteArticles(articleIds: Iterable<string>): number[] {
    const removed: number[] = [];
    for (const id of articleIds) {
      for (const label of this.byArticle.get(id) ?? []) {
        this.hnsw?.markDelete(label);
        this.chunks.delete(label);
        removed.push(label);
      }
      this.byArticle.delete(id);
      this.articleVersions.delete(id);
    }
    return removed;
  }

  /** LangChain `delete`: `{ ids }` are chunk ids or article ids. */
  override async delete(params?: { ids?: string[] }): Promise<void> {
    const articles = new Set<string>();
    for (const id of params?.ids ?? []) articles.add(id.split(":")[0] ?? id);
    this.deleteArticles(articles);
  }

  /**
   * The `k` nearest live chunks to `query` (cosine similarity, best first)
   * among those `filter` accepts.
   */
  searchVector(query: ArrayLike<number>, k: number, filter?: ChunkFilter): { chunk: IndexedChunk; score: number }[] {
    if (!this.hnsw || this.chunks.size === 0 || k <= 0) return [];
    const n = Math.min(k, this.chunks.size);
    this.hnsw.setEf(Math.max(HNSW_EF_SEARCH, n));
    const accept = (label: number) => {
      const c = this.chunks.get(label);
      return c !== undefined && (!filter || filter(c));
    };
    const res = this.hnsw.searchKnn(Array.from(query), n, accept);
    const out: { chunk: IndexedChunk; score: number }[] = [];
    res.neighbors.forEach((label, i) => {
      const chunk = this.chunks.get(label);
      if (chunk) out.push({ chunk, score: 1 - (res.distances[i] ?? 1) });
    });
    return out;
  }

  /** LangChain search by vector: documents with `metadata.score` = cosine similarity. */
  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: ChunkFilter,
  ): Promise<[Document<ChunkMetadata>, number][]> {
    return this.searchVector(query, k, filter).map(({ chunk, score }) => [toDocument(chunk, score), score]);
  }

  /** Writes the graph and the chunk table to `hnswFile` / `chunksFile`, each atomically. */
  writeFiles(hnswFile: string, chunksFile: string): void {
    const g = this.graph(0);
    const tmp = tempPathFor(hnswFile);
    try {
      g.writeIndexSync(tmp);
      commitTempFile(tmp, hnswFile);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    const json: ChunksJson = {
      version: 1,
      nextLabel: this.nextLabel,
      chunks: [...this.chunks.values()].map((c) => [c.label, c.metadata, c.text, c.districts]),
      articles: [...this.articleVersions],
    };
    const tmp2 = tempPathFor(chunksFile);
    try {
      fs.writeFileSync(tmp2, JSON.stringify(json));
      commitTempFile(tmp2, chunksFile);
    } catch (err) {
      fs.rmSync(tmp2, { force: true });
      throw err;
    }
  }

  /** Loads a store written by `writeFiles`. */
  static readFiles(
    embeddings: EmbeddingsInterface,
    dim: number,
    hnswFile: string,
    chunksFile: string,
  ): NewsVectorStore {
    const store = new NewsVectorStore(embeddings, dim);
    const json = JSON.parse(fs.readFileSync(chunksFile, "utf8")) as ChunksJson;
    if (json.version !== 1) throw new Error(`chunk table version ${String(json.version)} is not supported; rebuild`);
    const g = new HierarchicalNSW("ip", dim);
    g.readIndexSync(hnswFile, true);
    store.hnsw = g;
    store.nextLabel = json.nextLabel;
    for (const [id, version] of json.articles) store.articleVersions.set(id, version);
    for (const [label, metadata, text, districts] of json.chunks) {
      store.chunks.set(label, { label, metadata, text, districts });
      const list = store.byArticle.get(metadata.articleId);
      if (list) list.push(label);
      else store.byArticle.set(metadata.articleId, [label]);
    }
    return store;
  }

  /** The vector stored for `label` (for tests and the benchmark's exact search). */
  vectorOf(label: number): number[] {
    if (!this.hnsw) throw new Error("empty index");
    return this.hnsw.getPoint(label);
  }
}

/** A chunk as a LangChain document (`pageContent` = chunk text, `metadata.score` = `score`). */
export function toDocument(chunk: IndexedChunk, score: number): Document<ChunkMetadata> {
  return new Document<ChunkMetadata>({ pageContent: chunk.text, metadata: { ...chunk.metadata, score } });
}
