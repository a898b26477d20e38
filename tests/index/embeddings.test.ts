import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createEmbeddings, lengthSortedBatches, loadExtractor } from "../../src/index/embeddings.js";
import { ROOT, tempConfig } from "./helpers.js";

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

describe("TransformersEmbeddings (real bge-small-zh from models/)", () => {
  const { config } = tempConfig("emb-");
  const emb = createEmbeddings(config);

  it("gives normalized vectors; similar sentences score higher than unrelated ones", async () => {
    const [a, b, c] = await emb.embedDocuments([
      "区委书记出席会议并讲话",
      "区委书记参加会议并发表讲话",
      "今天天气晴朗,适合去郊外野餐",
    ]);
    expect(a).toHaveLength(512);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.2);
  });

  it("adds the query prefix to queries only, and matches a question to its passage", async () => {
    const q = await emb.embedQuery("张汭乡清运了多少吨垃圾");
    const [plain] = await emb.embedDocuments(["张汭乡清运了多少吨垃圾"]);
    expect(dot(q, plain!)).toBeLessThan(0.999);
    const [hit, miss] = await emb.embedDocuments([
      "张汭乡开展人居环境整治,共清运沟塘垃圾及各类杂物8吨。",
      "卫东区开展文明健康教育进万家宣传活动。",
    ]);
    expect(dot(q, hit!)).toBeGreaterThan(dot(q, miss!));
  });

  it("embeds in batches, in order, and loads the pipeline once per process", async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `第${i}条新闻`);
    const batched = await createEmbeddings({ embedding: { ...config.embedding, batchSize: 2 } }).embedRaw(texts);
    const single = await Promise.all(texts.map(async (t) => (await emb.embedRaw([t]))[0]!));
    // Dynamic quantization makes a vector depend slightly on its batch: near-equal, and in order.
    batched.forEach((v, i) => {
      const sims = single.map((s) => dot(v, s));
      expect(sims[i]).toBeGreaterThan(0.98);
      expect(Math.max(...sims)).toBe(sims[i]);
    });
    expect(loadExtractor(config.embedding)).toBe(loadExtractor(config.embedding));
  });

  it("batches by length (longest first, ties in input order) and covers every index once", () => {
    const texts = ["一二", "一二三四五", "一", "一二三四五", "一二三"];
    expect(lengthSortedBatches(texts, 2)).toEqual([[1, 3], [4, 0], [2]]);
    expect(lengthSortedBatches([], 16)).toEqual([]);
    // At most maxChars padded characters per batch: long texts go fewer at a time.
    const long = ["长".repeat(500), "长".repeat(400), "短", "长".repeat(450), "短短"];
    expect(lengthSortedBatches(long, 16, 1000)).toEqual([[0, 3], [1, 4], [2]]);
    expect(lengthSortedBatches(["长".repeat(5000)], 16, 1000)).toEqual([[0]]);
  });

  it("returns length-sorted batches' vectors in input order, equal to file-order batches within tolerance", async () => {
    const base = "区委书记出席会议并讲话，要求各部门抓好落实。";
    const texts = Array.from({ length: 12 }, (_, i) => `第${i}条：${base.repeat(((i * 7) % 5) + 1)}`);
    const size = 4;
    const sorted = await createEmbeddings({ embedding: { ...config.embedding, batchSize: size } }).embedRaw(texts);
    const extractor = await loadExtractor(config.embedding);
    const run = async (batches: number[][]) => {
      const out: Float32Array[] = [];
      for (const batch of batches) {
        const t = await extractor(
          batch.map((i) => texts[i]!),
          { pooling: config.embedding.pooling, normalize: true },
        );
        const dim = (t.dims as number[])[1]!;
        batch.forEach((i, r) => {
          out[i] = (t.data as Float32Array).slice(r * dim, (r + 1) * dim);
        });
      }
      return out;
    };
    const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, x, j) => Math.max(m, Math.abs(x - b[j]!)), 0);
    // The same batches, put back by hand: float-identical, so each vector is at its text's index.
    const sameBatches = await run(lengthSortedBatches(texts, size));
    // File-order batches: the quantized model's activations depend slightly on the batch's padded
    // length, so vectors agree within that noise (cosine > 0.99), and each is nearest to its own text.
    const fileOrder = await run(
      Array.from({ length: texts.length / size }, (_, b) => [0, 1, 2, 3].map((r) => b * size + r)),
    );
    expect(sorted).toHaveLength(texts.length);
    sorted.forEach((v, i) => {
      expect(maxDiff(v, sameBatches[i]!), `text ${i}`).toBeLessThan(1e-6);
      expect(dot(v, fileOrder[i]!), `text ${i}`).toBeGreaterThan(0.99);
      const sims = fileOrder.map((f) => dot(v, f));
      expect(Math.max(...sims)).toBe(sims[i]);
    });
  });

  it("refuses to download a missing model unless allowed, with an actionable message", async () => {
    const cfg = loadConfig({ MODELS_DIR: "/nonexistent-models", EMBEDDING_MODEL: "Xenova/none" }, ROOT);
    await expect(createEmbeddings(cfg).embedQuery("x")).rejects.toThrow(/EMBEDDING_ALLOW_REMOTE/);
  });
});
