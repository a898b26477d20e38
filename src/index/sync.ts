import type { Config } from "../config/env.js";
import type { Article } from "../core/types.js";
import type { ArticleStore } from "../store/articles.js";
import { chunkArticle, chunkEmbeddingText } from "./chunker.js";
import { createEmbeddings } from "./embeddings.js";
import { type IndexLockOptions, withIndexLock } from "./lock.js";
import { type IndexManifest, searchIndexDir } from "./manifest.js";
import { tokenize } from "./tokenize.js";
import { IndexWriter, type NewChunk } from "./writer.js";
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

/** The chunk rows (without labels) and embedding texts of `article`. */
function articleChunks(article: Article): { rows: NewChunk["row"][]; texts: string[] } {
  const rows: NewChunk["row"][] = [];
  const texts: string[] = [];
  const districts = article.districts.length ? article.districts : article.district ? [article.district] : [];
  for (const c of chunkArticle(article)) {
    rows.push({
      metadata: {
        chunkId: `${article.id}:${c.chunkIndex}`,
        articleId: article.id,
        chunkIndex: c.chunkIndex,
        title: article.title,
        district: article.district,
        date: article.date,
        source: article.source,
        start: c.start,
        end: c.end,
      },
      text: c.text,
      districts,
      articleVersion: article.ingestedAt,
    });
    texts.push(chunkEmbeddingText(article, c));
  }
  return { rows, texts };
}

/**
 * Brings the segmented index of `INDEX_DIR/search` in line with the article
 * store: articles no longer stored (or stored again since they were
 * indexed) have their chunks deleted, new ones are chunked, embedded and
 * written as one new delta segment (see `IndexWriter`). Only new articles
 * are embedded; with `rebuild` (or when the index was built by another
 * embedding model or format) everything is rebuilt from the stored articles,
 * whatever state the index files are in. Holds the index write lock; the
 * new state becomes visible atomically at the end, so a crash leaves the
 * previous index usable and the next run redoes the work.
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
      const writer = IndexWriter.open(dir, {
        rebuild: opts.rebuild,
        model: config.embedding.model,
        pooling: config.embedding.pooling,
      });
      try {
        const stored = store.versions();
        const indexed = writer.articleVersions();
        const removed = [...indexed.keys()].filter((id) => stored.get(id) !== indexed.get(id));
        const added = [...stored.keys()].filter((id) => indexed.get(id) !== stored.get(id));
        const wasIndexed = removed.filter((id) => !stored.has(id)).length;
        if (!writer.fresh && removed.length === 0 && added.length === 0) {
          return { articlesAdded: 0, articlesRemoved: 0, chunksAdded: 0 };
        }
        const rows: NewChunk["row"][] = [];
        const texts: string[] = [];
        for (const id of added) {
          const article = store.get(id);
          if (!article) continue;
          const c = articleChunks(article);
          rows.push(...c.rows);
          texts.push(...c.texts);
        }
        opts.onProgress?.(0, texts.length);
        const embedder = opts.embedder ?? createEmbeddings(config);
        const vectors = await embedder.embedRaw(texts, opts.onProgress);
        const dim = writer.manifest?.dim ?? vectors[0]?.length ?? (await embedder.embedRaw(["维度"]))[0]?.length ?? 0;
        writer.commit(
          rows.map((row, i) => ({ row, vector: vectors[i] as Float32Array, tokens: tokenize(texts[i] as string) })),
          removed,
          dim,
        );
        return { articlesAdded: added.length, articlesRemoved: wasIndexed, chunksAdded: rows.length };
      } finally {
        writer.close();
      }
    },
    opts.lock,
  );
}

/** Options of `compactIndex`. */
export interface CompactIndexOptions {
  /** Write-lock timings. */
  lock?: IndexLockOptions;
}

/**
 * `index compact`: merges every segment of the index into one new base and
 * drops deleted chunks, under the write lock, as one new generation.
 * Searches return the same results before and after (labels are kept).
 * Returns the manifest before and after, or undefined when there is no index.
 */
export async function compactIndex(
  config: Config,
  opts: CompactIndexOptions = {},
): Promise<{ before: IndexManifest; after: IndexManifest } | undefined> {
  const dir = searchIndexDir(config);
  return withIndexLock(
    dir,
    async () => {
      const writer = IndexWriter.open(dir, { model: config.embedding.model, pooling: config.embedding.pooling });
      try {
        const before = writer.manifest;
        if (!before) return undefined; // no index, or one of another model: the next ingest rebuilds it
        const after = writer.merge("all") ?? before;
        return { before, after };
      } finally {
        writer.close();
      }
    },
    opts.lock,
  );
}
