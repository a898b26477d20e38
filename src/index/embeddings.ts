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
   * in the order of `texts`. The texts are embedded `config.batchSize` at a
   * time in order of length (see `lengthSortedBatches`), so a batch pads its
   * texts to a similar length instead of to the longest of a random mix;
   * `onBatch` reports progress.
   */
  async embedRaw(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]> {
    const extractor = await loadExtractor(this.config);
    const out: Float32Array[] = new Array(texts.length);
    let done = 0;
    for (const batch of lengthSortedBatches(texts, this.config.batchSize)) {
      const input = batch.map((i) => texts[i] as string);
      const t = await this.caller.call(() => extractor(input, { pooling: this.config.pooling, normalize: true }));
      const [n, dim] = t.dims as [number, number];
      const data = t.data as Float32Array;
      for (let r = 0; r < n; r++) out[batch[r] as number] = data.slice(r * dim, (r + 1) * dim);
      done += n;
      onBatch?.(done, texts.length);
    }
    return out;
  }
}

/**
 * Most characters one model call may take, counting every text padded to
 * its batch's longest (≈ tokens for Chinese). The model's activations grow
 * with batch × length (attention with its square), and onnxruntime keeps its
 * peak: 16 chunks of ~400 characters per call peaked at ~670 MB RSS, 4 at ~360
 * MB, with no throughput lost on CPU. Short texts still go 16 at a time.
 */
export const EMBED_BATCH_CHARS = 2048;

/**
 * The indexes of `texts` in batches of at most `size` texts and at most
 * `maxChars` padded characters (see `EMBED_BATCH_CHARS`), longest texts
 * first (ties in input order). The model pads every text of a batch to the
 * longest one, so batching texts of similar length wastes the least work
 * (on the corpus chunks, file order feeds ~1.26–1.6× the tokens of sorted
 * order); the caller puts each result back at its index.
 */
export function lengthSortedBatches(texts: readonly string[], size: number, maxChars = EMBED_BATCH_CHARS): number[][] {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[b]?.length ?? 0) - (texts[a]?.length ?? 0) || a - b);
  const step = Math.max(1, Math.floor(size));
  const batches: number[][] = [];
  let i = 0;
  while (i < order.length) {
    const longest = Math.max(1, texts[order[i] as number]?.length ?? 1);
    const n = Math.max(1, Math.min(step, Math.floor(maxChars / longest)));
    batches.push(order.slice(i, i + n));
    i += n;
  }
  return batches;
}

/** The project's embeddings, as configured by `EMBEDDING_*` / `MODELS_DIR`. */
export function createEmbeddings(config: Pick<Config, "embedding">): TransformersEmbeddings {
  return new TransformersEmbeddings({ config: config.embedding, maxConcurrency: 1, maxRetries: 0 });
}
