// Embedding variants side by side on the same real chunks, interleaved in blocks so that machine load hits
// them alike: the project's pipeline (TransformersEmbeddings.embedRaw: length-sorted batches), the bare
// transformers.js pipeline in file order, and bare with length-sorted batches. `tsx bench/embed-variants.ts`
// prints one JSON line (chunks/s of each, pipeline ÷ bare-sorted, padding overhead, load average).
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/env.js";
import { chunkArticle, chunkEmbeddingText } from "../src/index/chunker.js";
import { createEmbeddings, lengthSortedBatches, loadExtractor } from "../src/index/embeddings.js";
import { readCorpus } from "./corpus.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const CHUNKS = Number(process.env.BENCH_EMBED_CHUNKS ?? 300);
const BLOCKS = 3;
const config = loadConfig({ ...process.env, MODELS_DIR: path.join(ROOT, "models") }, ROOT);
const size = config.embedding.batchSize;
const texts: string[] = [];
for (const a of await readCorpus(
  2000,
  path.resolve(ROOT, process.env.BENCH_CORPUS ?? "../shared/corpus/news-xwlb.jsonl"),
)) {
  for (const c of chunkArticle(a)) texts.push(chunkEmbeddingText(a, c));
  if (texts.length >= CHUNKS) break;
}
texts.length = Math.min(texts.length, CHUNKS);
const extractor = await loadExtractor(config.embedding);
const embeddings = createEmbeddings(config);
await embeddings.embedRaw(texts.slice(0, size));

const bare = async (block: string[], batches: number[][]) => {
  for (const b of batches)
    await extractor(
      b.map((i) => block[i] as string),
      { pooling: config.embedding.pooling, normalize: true },
    );
};
const fileOrder = (block: string[]) =>
  Array.from({ length: Math.ceil(block.length / size) }, (_, b) =>
    Array.from({ length: Math.min(size, block.length - b * size) }, (_, r) => b * size + r),
  );
const variants: Record<string, (block: string[]) => Promise<unknown>> = {
  pipeline: (block) => embeddings.embedRaw(block),
  bareFileOrder: (block) => bare(block, fileOrder(block)),
  bareLengthSorted: (block) => bare(block, lengthSortedBatches(block, size)),
};
const ms: Record<string, number> = { pipeline: 0, bareFileOrder: 0, bareLengthSorted: 0 };
const load0 = os.loadavg();
const per = Math.ceil(texts.length / BLOCKS);
for (let b = 0; b < BLOCKS; b++) {
  const block = texts.slice(b * per, (b + 1) * per);
  for (const [name, f] of Object.entries(variants)) {
    const t = performance.now();
    await f(block);
    ms[name] = (ms[name] ?? 0) + performance.now() - t;
  }
  process.stderr.write(`[embed] block ${b + 1}/${BLOCKS}\n`);
}
const load1 = os.loadavg();
// Padding: characters the model is fed (every text padded to its batch's longest) over characters of text.
const tok = extractor.tokenizer;
const lens = texts.map((t) => (tok(t).input_ids.dims as number[]).at(-1) as number);
const padded = (batches: number[][]) =>
  batches.reduce((s, b) => s + b.length * Math.max(...b.map((i) => lens[i] as number)), 0);
const real = lens.reduce((s, x) => s + x, 0);
const rate = (name: string) => texts.length / ((ms[name] as number) / 1000);
process.stdout.write(
  `${JSON.stringify({
    chunks: texts.length,
    batchSize: size,
    pipelineChunksPerSec: rate("pipeline"),
    bareFileOrderChunksPerSec: rate("bareFileOrder"),
    bareLengthSortedChunksPerSec: rate("bareLengthSorted"),
    pipelineOverBareSorted: rate("pipeline") / rate("bareLengthSorted"),
    paddingFileOrder: padded(fileOrder(texts)) / real,
    paddingLengthSorted: padded(lengthSortedBatches(texts, size)) / real,
    loadBefore: load0.map((x) => x.toFixed(1)).join(" / "),
    loadAfter: load1.map((x) => x.toFixed(1)).join(" / "),
  })}\n`,
);
