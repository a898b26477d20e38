import { Document } from "@langchain/core/documents";
import type { Config } from "../config/env.js";
import type { Article, ChunkMetadata } from "../core/types.js";
import type { ArticleStore } from "../store/articles.js";
import { chunkArticle, chunkEmbeddingText } from "./chunker.js";
import { createEmbeddings } from "./embeddings.js";
import { type IndexLockOptions, withIndexLock } from "./lock.js";
import { SearchIndex, searchIndexDir } from "./search-index.js";
import { tokenize } from "./tokenize.js";

/** Options of `syncIndex`. */
export interface SyncIndexOptions {
  /** Drop the vector and BM25 indexes and rebuild them from the stored articles. */
  rebuild?: boolean;
  /** Progress in chunks embedded. */
  onProgress?: (done: number, total: number) => void;
  /** Write-lock timings (tests use a short `staleMs`). */
  lock?: IndexLockOptions;
  /**
   * Embeds the passages instead of `createEmbeddings(config)` (the benchmark
   * uses it to re-use vectors). Must produce vectors of the configured model.
   */
  embedder?: PassageEmbedder;
}

/** What `syncIndex` needs to embed passages: `TransformersEmbeddings.embedRaw`. */
export interface PassageEmbedder {
  embedRaw(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]>;
}

/** What `syncIndex` did. */
export interface SyncIndexResult {
  articlesAdded: number;
  articlesRemoved: number;
  chunksAdded: number;
}

/** The chunk documents (metadata + text) and embedding texts of `article`. */
function articleChunks(article: Article): { docs: Document[]; texts: string[] } {
  const docs: Document[] = [];
  const texts: string[] = [];
  for (const c of chunkArticle(article)) {
    const metadata: ChunkMetadata & { districts: string[]; articleVersion: string } = {
      chunkId: `${article.id}:${c.chunkIndex}`,
      articleId: article.id,
      chunkIndex: c.chunkIndex,
      title: article.title,
      district: article.district,
      date: article.date,
      source: article.source,
      start: c.start,
      end: c.end,
      districts: article.districts.length ? article.districts : article.district ? [article.district] : [],
      articleVersion: article.ingestedAt,
    };
    docs.push(new Document({ pageContent: c.text, metadata }));
    texts.push(chunkEmbeddingText(article, c));
  }
  return { docs, texts };
}

/**
 * Brings the vector and BM25 indexes of `INDEX_DIR/search` in line with the
 * article store: articles no longer stored (or stored again since they were
 * indexed) have their chunks deleted, new ones are chunked, embedded and
 * added. Only new articles are embedded; with `rebuild` (or when the index
 * was built by another embedding model) everything is rebuilt from the
 * stored articles. Holds the index write lock; the new state becomes
 * visible atomically at the end, so a crash leaves the previous index usable
 * and the next run redoes the work.
 */
export async function syncIndex(
  store: ArticleStore,
  config: Config,
  opts: SyncIndexOptions = {},
): Promise<SyncIndexResult> {
  const dir = searchIndexDir(config);
  return withIndexLock(
    dir,
    async () => {
      const embeddings = createEmbeddings(config);
      let index = opts.rebuild ? undefined : SearchIndex.load(dir, embeddings);
      if (
        index?.manifest &&
        (index.manifest.model !== config.embedding.model || index.manifest.pooling !== config.embedding.pooling)
      ) {
        index = undefined;
      }
      const stored = store.versions();
      const indexed = index?.vectors.articleVersions ?? new Map<string, string>();
      const removed = [...indexed.keys()].filter((id) => stored.get(id) !== indexed.get(id));
      const added = [...stored.keys()].filter((id) => indexed.get(id) !== stored.get(id));
      const wasIndexed = removed.filter((id) => !stored.has(id)).length;
      if (index && removed.length === 0 && added.length === 0) {
        return { articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 };
      }

      const docs: Document[] = [];
      const texts: string[] = [];
      for (const id of added) {
        const article = store.get(id);
        if (!article) continue;
        const c = articleChunks(article);
        docs.push(...c.docs);
        texts.push(...c.texts);
      }
      opts.onProgress?.(0, texts.length);
      const embedder = opts.embedder ?? embeddings;
      const vectors = await embedder.embedRaw(texts, opts.onProgress);
      if (!index) {
        const dim = vectors[0]?.length ?? (await embedder.embedRaw(["维度"]))[0]?.length ?? 0;
        index = SearchIndex.empty(embeddings, dim);
      }
      for (const label of index.vectors.deleteArticles(removed)) index.bm25.remove(label);
      const first = index.vectors.labelCounter;
      await index.vectors.addVectors(vectors, docs);
      texts.forEach((t, i) => {
        index.bm25.add(first + i, tokenize(t));
      });
      index.save(dir, {
        model: config.embedding.model,
        pooling: config.embedding.pooling,
        articles: index.vectors.byArticle.size,
      });
      return { articlesAdded: added.length, articlesRemoved: wasIndexed, chunksAdded: docs.length };
    },
    opts.lock,
  );
}
