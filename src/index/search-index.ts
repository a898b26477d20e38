import fs from "node:fs";
import path from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config/env.js";
import { writeFileAtomic } from "./atomic.js";
import { Bm25Index, type Bm25Json } from "./bm25.js";
import { NewsVectorStore } from "./vector-store.js";

/** Version of the on-disk layout; a different version is rebuilt, never misread. */
export const INDEX_FORMAT = 1;

/** `INDEX_DIR/search/manifest.json`: which generation of files is current, and what built it. */
export interface IndexManifest {
  format: number;
  generation: number;
  /** Embedding model name, pooling and vector dimension the vectors were made with. */
  model: string;
  pooling: string;
  dim: number;
  chunks: number;
  articles: number;
  updatedAt: string;
  files: { hnsw: string; chunks: string; bm25: string };
}

/** The folder holding the semantic and lexical index files: `INDEX_DIR/search`. */
export function searchIndexDir(config: Pick<Config, "indexDir">): string {
  return path.join(config.indexDir, "search");
}

/** Reads the manifest of `dir`, or undefined when no index was ever committed there. */
export function readManifest(dir: string): IndexManifest | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dir, "manifest.json"), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return JSON.parse(raw) as IndexManifest;
}

/**
 * The whole retrieval index of one INDEX_DIR: the HNSW vector store with its
 * chunk table and the BM25 index, which share chunk labels. On disk it is a
 * generation of three files plus `manifest.json`, which names the current
 * generation. `save` writes a new generation (each file atomically) and
 * commits it by atomically replacing the manifest, so a crash at any point
 * leaves the previous generation intact and current.
 */
export class SearchIndex {
  constructor(
    readonly vectors: NewsVectorStore,
    readonly bm25: Bm25Index,
    /** The manifest this index was loaded from, undefined for a new one. */
    readonly manifest: IndexManifest | undefined,
  ) {}

  /** A new, empty index for vectors of dimension `dim`. */
  static empty(embeddings: EmbeddingsInterface, dim: number): SearchIndex {
    return new SearchIndex(new NewsVectorStore(embeddings, dim), new Bm25Index(), undefined);
  }

  /** Loads the current generation of `dir`, or undefined when there is none. */
  static load(dir: string, embeddings: EmbeddingsInterface): SearchIndex | undefined {
    // A concurrent `save` may delete an old generation between reading the
    // manifest and the files: read the (new) manifest again in that case.
    for (let attempt = 0; ; attempt++) {
      const manifest = readManifest(dir);
      if (!manifest) return undefined;
      if (manifest.format !== INDEX_FORMAT) {
        throw new Error(`index in ${dir} has format ${manifest.format}; run \`ingest --rebuild\``);
      }
      const paths = Object.values(manifest.files).map((f) => path.join(dir, f));
      if (!paths.every((p) => fs.existsSync(p))) {
        if (attempt >= 2) throw new Error(`index files of generation ${manifest.generation} are missing in ${dir}`);
        continue;
      }
      const vectors = NewsVectorStore.readFiles(
        embeddings,
        manifest.dim,
        path.join(dir, manifest.files.hnsw),
        path.join(dir, manifest.files.chunks),
      );
      const bm25 = Bm25Index.fromJSON(
        JSON.parse(fs.readFileSync(path.join(dir, manifest.files.bm25), "utf8")) as Bm25Json,
      );
      return new SearchIndex(vectors, bm25, manifest);
    }
  }

  /**
   * Writes this index as a new generation in `dir` and makes it current.
   * Keeps the previous generation (a reader may still be loading it) and
   * deletes older ones and leftovers of crashed writes.
   */
  save(dir: string, info: { model: string; pooling: string; articles: number }): IndexManifest {
    fs.mkdirSync(dir, { recursive: true });
    const previous = readManifest(dir);
    const generation = (previous?.generation ?? 0) + 1;
    const files = {
      hnsw: `hnsw.${generation}.bin`,
      chunks: `chunks.${generation}.json`,
      bm25: `bm25.${generation}.json`,
    };
    this.vectors.writeFiles(path.join(dir, files.hnsw), path.join(dir, files.chunks));
    writeFileAtomic(path.join(dir, files.bm25), JSON.stringify(this.bm25.toJSON()));
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      generation,
      model: info.model,
      pooling: info.pooling,
      dim: this.vectors.dim,
      chunks: this.vectors.size,
      articles: info.articles,
      updatedAt: new Date().toISOString(),
      files,
    };
    writeFileAtomic(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const keep = new Set(["manifest.json", ...Object.values(files), ...Object.values(previous?.files ?? {})]);
    for (const name of fs.readdirSync(dir)) {
      if (keep.has(name) || name.endsWith(".lock")) continue;
      if (/^(hnsw|chunks|bm25)\.\d+\.(bin|json)/.test(name) || name.includes(".tmp-")) {
        fs.rmSync(path.join(dir, name), { force: true });
      }
    }
    return manifest;
  }
}
