import type { CallbackManagerForRetrieverRun } from "@langchain/core/callbacks/manager";
import type { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Config } from "../config/env.js";
import { normalizeQuery } from "../core/normalize.js";
import type { ChunkMetadata } from "../core/types.js";
import type { TransformersEmbeddings } from "../index/embeddings.js";
import { type LabelHit, SearchIndex, toDocument } from "../index/search-index.js";
import { tokenize } from "../index/tokenize.js";
import { reciprocalRankFusion, relativeScoreFusion } from "./fusion.js";

/** Retrieval strategy: dense vectors, BM25, or both fused (default). */
export type SearchMode = "hybrid" | "dense" | "bm25";

/** Options of `NewsRetriever.search`. */
export interface SearchOptions {
  /** Number of chunks to return (default 5). */
  k?: number;
  /** Only articles about (or naming) this district, e.g. "陕州区". */
  district?: string;
  /** Inclusive date range YYYY-MM-DD on the article date (undated articles are then left out). */
  dateFrom?: string;
  dateTo?: string;
  mode?: SearchMode;
  /** At most this many chunks of one article (default 2; 0 = no limit). */
  maxPerArticle?: number;
  /** How hybrid mode fuses the two rankings: weighted reciprocal rank fusion (default) or relative score fusion. */
  fusion?: "rrf" | "relative";
  /** Weight of each ranking in the fusion (default `HYBRID_WEIGHTS`). */
  weights?: { dense?: number; bm25?: number };
}

/** The `k` of reciprocal rank fusion: score = Σ weight / (RRF_K + rank). */
export const RRF_K = 60;

/**
 * Default fusion weights. BM25 counts three times: questions about local news
 * name places, people and meetings, which the small embedding model matches
 * less reliably than exact words. Chosen on the tuning part of the local-dev
 * questions (MRR dense .910, BM25 .956, 1:2 .959, 1:3 .962) and reported on
 * the held-out part (BM25 .929, 1:2 .917, 1:3 .914; hit@5 .976 for all) and
 * the sample (1.0); at 1:2 a chunk ranked 2nd by both lists could beat the
 * answer BM25 ranks 1st and dense 5th. `bench/fusion.ts` prints the figures.
 */
export const HYBRID_WEIGHTS = { dense: 1, bm25: 3 } as const;

/** Constructor fields of `NewsRetriever`. */
export interface NewsRetrieverInput extends BaseRetrieverInput {
  /** The `INDEX_DIR/search` folder. */
  dir: string;
  embeddings: TransformersEmbeddings;
  /** Embedding model/pooling the configuration asks for; an index built otherwise is refused. */
  model: string;
  pooling: string;
  /** Defaults for `invoke` (LangChain interface). */
  defaults?: SearchOptions;
  /** Which article ids still exist (the store is the source of truth); results of others are dropped. */
  articleExists?: (id: string) => boolean;
}

/** Number of candidates each retriever contributes before fusion. */
const CANDIDATES = 60;

/**
 * Hybrid retriever over the index files of one INDEX_DIR: dense (HNSW,
 * bge embeddings of the normalized question with its query prefix) and BM25
 * (jieba tokens), fused by weighted reciprocal rank fusion (as LangChain's
 * EnsembleRetriever does; see `HYBRID_WEIGHTS`), filtered by district and
 * date, at most `maxPerArticle` chunks per article. Each returned document's
 * `pageContent` is the chunk text (a span of `Article.text`) and
 * `metadata.score` its score (fused RRF score, cosine, or BM25). Each search
 * first picks up a generation committed since the last one (one `stat` when
 * there is none; only the new segments and rows otherwise, see
 * `SearchIndex.refresh`).
 */
export class NewsRetriever extends BaseRetriever<ChunkMetadata> {
  lc_namespace = ["district_news", "retrievers"];
  private readonly dir: string;
  private readonly embeddings: TransformersEmbeddings;
  private readonly model: string;
  private readonly pooling: string;
  private readonly defaults: SearchOptions;
  private readonly articleExists?: (id: string) => boolean;
  private index: SearchIndex | undefined;

  constructor(fields: NewsRetrieverInput) {
    super(fields);
    this.dir = fields.dir;
    this.embeddings = fields.embeddings;
    this.model = fields.model;
    this.pooling = fields.pooling;
    this.defaults = fields.defaults ?? {};
    this.articleExists = fields.articleExists;
  }

  /**
   * Picks up a generation another process (or `runIngest` in this one)
   * committed since the last look: reads the manifest (one small file) and
   * loads only what the new generation added (see `SearchIndex.refresh`).
   * Returns whether anything changed.
   */
  refresh(): boolean {
    let changed: boolean;
    if (this.index) changed = this.index.refresh();
    else {
      this.index = SearchIndex.open(this.dir);
      changed = this.index !== undefined;
    }
    const m = this.index?.manifest;
    if (m && (m.model !== this.model || m.pooling !== this.pooling)) {
      throw new Error(
        `the index in ${this.dir} was built with ${m.model} (${m.pooling}) but EMBEDDING_MODEL is ${this.model} (${this.pooling}); run \`npm run -s cli -- ingest --rebuild\``,
      );
    }
    return changed;
  }

  /** Number of indexed chunks (0 before the first ingest). */
  get size(): number {
    this.refresh();
    return this.index?.size ?? 0;
  }

  /** Loads the embedding model now, so the first question is not slowed by it. */
  async warmUp(): Promise<void> {
    this.refresh();
    await this.embeddings.embedQuery("预热");
  }

  /** The chunks that best answer `query`, best first (see `SearchOptions`). */
  async search(query: string, opts: SearchOptions = {}): Promise<Document<ChunkMetadata>[]> {
    const o = { ...this.defaults, ...opts };
    const k = Math.max(1, Math.floor(o.k ?? 5));
    const mode = o.mode ?? "hybrid";
    const maxPer = o.maxPerArticle ?? 2;
    const q = normalizeQuery(query);
    this.refresh();
    const index = this.index;
    if (!q || !index || index.size === 0) return [];

    const accept = index.filterFor(o);
    const candidates = Math.max(CANDIDATES, k * 4, maxPer > 0 ? k * maxPer * 2 : 0);
    const dense: LabelHit[] =
      mode === "bm25" ? [] : index.searchDense(await this.embeddings.embedQuery(q), candidates, accept);
    const lexical: LabelHit[] = mode === "dense" ? [] : index.searchBm25(tokenize(q), candidates, accept);

    let ranked: LabelHit[];
    if (mode === "dense") ranked = dense;
    else if (mode === "bm25") ranked = lexical;
    else {
      const weights = [o.weights?.dense ?? HYBRID_WEIGHTS.dense, o.weights?.bm25 ?? HYBRID_WEIGHTS.bm25];
      const fused =
        o.fusion === "relative"
          ? relativeScoreFusion(
              [dense.map((h) => ({ item: h, score: h.score })), lexical.map((h) => ({ item: h, score: h.score }))],
              (h) => h.label,
              { weights },
            )
          : reciprocalRankFusion([dense, lexical], (h) => h.label, { k: RRF_K, weights });
      ranked = fused.map((f) => ({ label: f.item.label, score: f.score }));
    }
    // Best first, at most `maxPer` chunks per article, and only articles still in the store (the
    // source of truth: an article deleted since the last sync is dropped). Stops at k; chunk rows
    // are read from the index database only for the hits looked at.
    const out: Document<ChunkMetadata>[] = [];
    const perArticle = new Map<string, number>();
    for (const h of ranked) {
      if (out.length >= k) break;
      const chunk = index.chunk(h.label);
      if (!chunk) continue;
      const id = chunk.metadata.articleId;
      let n = perArticle.get(id);
      if (n === undefined) {
        n = this.articleExists && !this.articleExists(id) ? Number.POSITIVE_INFINITY : 0;
        perArticle.set(id, n);
      }
      if (maxPer > 0 && n >= maxPer) continue;
      if (n === Number.POSITIVE_INFINITY) continue;
      perArticle.set(id, n + 1);
      out.push(toDocument(chunk, h.score));
    }
    return out;
  }

  /** LangChain entry point (`invoke(query)`): `search(query)` with the constructor's defaults. */
  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<ChunkMetadata>[]> {
    return this.search(query);
  }
}

/** What `NewsRetriever` needs from the configuration. */
export type RetrieverConfig = Pick<Config, "indexDir" | "embedding">;
