import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PassageEmbedder } from "../src/index/sync.js";
import { prng } from "./corpus.js";

/**
 * A passage embedder for the benchmark. Real vectors (from the wrapped
 * model) are cached on disk by text hash, outside the project, so a larger
 * tier re-uses the vectors a smaller tier computed; a real tier always
 * computes (and re-caches) its vectors, so its throughput is the model's. When `allowReal` is
 * false, a passage missing from the cache gets a SYNTHETIC vector: the
 * normalized sum of two random cached real vectors plus Gaussian noise —
 * realistic enough for HNSW latency/recall, meaningless for relevance.
 * Counts and times what it did.
 */
export class BenchEmbedder implements PassageEmbedder {
  /** Every vector returned, in order (= HNSW labels of a fresh build). */
  readonly all: Float32Array[] = [];
  /** Every passage text asked for, in order. */
  readonly texts: string[] = [];
  realCount = 0;
  cachedCount = 0;
  synthCount = 0;
  realMs = 0;
  private readonly cache = new Map<string, Float32Array>();
  private readonly pool: Float32Array[] = [];
  private readonly rand = prng(7);

  constructor(
    private readonly real: PassageEmbedder,
    private readonly file: string,
    private readonly allowReal: boolean,
  ) {
    if (fs.existsSync(file)) {
      const { keys, dim } = JSON.parse(fs.readFileSync(`${file}.json`, "utf8")) as { keys: string[]; dim: number };
      const buf = fs.readFileSync(file);
      const data = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
      keys.forEach((k, i) => {
        const v = data.slice(i * dim, (i + 1) * dim);
        this.cache.set(k, v);
        this.pool.push(v);
      });
    }
  }

  private key(t: string): string {
    return crypto.createHash("sha1").update(t).digest("base64");
  }

  private gauss(): number {
    const u = Math.max(1e-12, this.rand());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.rand());
  }

  private synthetic(): Float32Array {
    const a = this.pool[Math.floor(this.rand() * this.pool.length)] as Float32Array;
    const b = this.pool[Math.floor(this.rand() * this.pool.length)] as Float32Array;
    const v = new Float32Array(a.length);
    let norm = 0;
    for (let i = 0; i < v.length; i++) {
      v[i] = (a[i] as number) + 0.5 * (b[i] as number) + 0.02 * this.gauss();
      norm += (v[i] as number) ** 2;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
    return v;
  }

  async embedRaw(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[]> {
    for (const t of texts) this.texts.push(t); // not push(...texts): a 100k tier passes 200k texts
    // A real tier measures the model: it never reads the cache (it refreshes it).
    const out: (Float32Array | undefined)[] = texts.map((t) =>
      this.allowReal ? undefined : this.cache.get(this.key(t)),
    );
    const missing = out.flatMap((v, i) => (v ? [] : [i]));
    this.cachedCount += texts.length - missing.length;
    if (missing.length && this.allowReal) {
      const t0 = performance.now();
      const vecs = await this.real.embedRaw(
        missing.map((i) => texts[i] as string),
        onBatch,
      );
      this.realMs += performance.now() - t0;
      this.realCount += vecs.length;
      missing.forEach((i, j) => {
        const v = vecs[j] as Float32Array;
        out[i] = v;
        this.cache.set(this.key(texts[i] as string), v);
      });
    } else if (missing.length) {
      if (this.pool.length === 0) throw new Error("no cached real vectors to synthesize from: run a real tier first");
      for (const i of missing) out[i] = this.synthetic();
      this.synthCount += missing.length;
    }
    const result = out as Float32Array[];
    for (const v of result) this.all.push(v);
    return result;
  }

  /** Writes the cache (real vectors only) back to disk. */
  save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const keys = [...this.cache.keys()];
    const dim = this.cache.values().next().value?.length ?? 0;
    const data = new Float32Array(keys.length * dim);
    for (const [i, k] of keys.entries()) data.set(this.cache.get(k) as Float32Array, i * dim);
    fs.writeFileSync(this.file, Buffer.from(data.buffer));
    fs.writeFileSync(`${this.file}.json`, JSON.stringify({ keys, dim }));
  }
}
