import fs from "node:fs";
import path from "node:path";
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { env, type FeatureExtractionPipeline, pipeline } from "@xenova/transformers";
import type { Config } from "../config/env.js";

/** What `createEmbeddings` needs from the configuration. */
export type EmbeddingConfig = Config["embedding"];

const pipelines = new Map<string, Promise<FeatureExtractionPipeline>>();

/**
 * Loads (once per process and per model) the transformers.js
 * feature-extraction pipeline of `cfg.model`, from `cfg.modelsDir/<model>/`.
 * The hub is only contacted when `cfg.allowRemote` is true (at
 * `cfg.remoteHost`). Uses the quantized ONNX file when the folder has one.
 */
export function loadExtractor(cfg: EmbeddingConfig): Promise<FeatureExtractionPipeline> {
  const key = `${cfg.modelsDir}\u0000${cfg.model}`;
  let p = pipelines.get(key);
  if (!p) {
    env.localModelPath = cfg.modelsDir.endsWith(path.sep) ? cfg.modelsDir : `${cfg.modelsDir}${path.sep}`;
    env.allowLocalModels = true;
    env.allowRemoteModels = cfg.allowRemote;
    env.remoteHost = cfg.remoteHost;
    const dir = path.join(cfg.modelsDir, cfg.model);
    if (!cfg.allowRemote && !fs.existsSync(path.join(dir, "config.json"))) {
      return Promise.reject(
        new Error(
          `Embedding model "${cfg.model}" not found in ${dir}. Copy it there (see models/README) or set EMBEDDING_ALLOW_REMOTE=true to download it.`,
        ),
      );
    }
    const full = fs.existsSync(path.join(dir, "onnx", "model.onnx"));
    const quantized = fs.existsSync(path.join(dir, "onnx", "model_quantized.onnx")) || !full;
    p = pipeline("feature-extraction", cfg.model, { quantized }) as Promise<FeatureExtractionPipeline>;
    p.catch(() => pipelines.delete(key));
    pipelines.set(key, p);
  }
  return p;
}

/** Options of `TransformersEmbeddings`. */
export interface TransformersEmbeddingsParams extends EmbeddingsParams {
  config: EmbeddingConfig;
}

/**
 * A LangChain `Embeddings` backed by a local transformers.js model (default
 * bge-small-zh-v1.5): CLS or mean pooling, L2-normalized vectors, the query
 * instruction prefix added by `embedQuery` only, passages embedded in
 * batches of `config.batchSize`.
 */
export class TransformersEmbeddings extends Embeddings {
  readonly config: EmbeddingConfig;

  constructor(params: TransformersEmbeddingsParams) {
    super(params);
    this.config = params.config;
  }

  /** Embeds `texts` (passages) as is, batch by batch. Returns Float32Arrays when asked via `embedRaw`. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedRaw(texts)).map((v) => Array.from(v));
  }

  /** Embeds a question, with the configured query prefix. */
  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedRaw([`${this.config.queryPrefix}${text}`]);
    return Array.from(v ?? []);
  }

  /**
   * Embeds `texts` without any prefix and returns one Float32Array per text,
   * `config.batchSize` texts per model call; `onBatch` reports progress.
   */
  async embedRaw(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const extractor = await loadExtractor(this.config);
    const out: Float32Array[] = [];
    const size = Math.max(1, this.config.batchSize);
    for (let i = 0; i < texts.length; i += size) {
      const batch = texts.slice(i, i + size);
      const t = await this.caller.call(() => extractor(batch, { pooling: this.config.pooling, normalize: true }));
      const [n, dim] = t.dims as [number, number];
      const data = t.data as Float32Array;
      for (let r = 0; r < n; r++) out.push(data.slice(r * dim, (r + 1) * dim));
      onBatch?.(out.length, texts.length);
    }
    return out;
  }
}

/** The project's embeddings, as configured by `EMBEDDING_*` / `MODELS_DIR`. */
export function createEmbeddings(config: Pick<Config, "embedding">): TransformersEmbeddings {
  return new TransformersEmbeddings({ config: config.embedding, maxConcurrency: 1, maxRetries: 0 });
}
