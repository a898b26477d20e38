import fs from "node:fs";
import hnswlib from "hnswlib-node";
import { commitTempFile, tempPathFor } from "./atomic.js";
import { DerivedIndexError } from "./manifest.js";

const { HierarchicalNSW } = hnswlib;

/** An hnswlib graph. */
export type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** HNSW graph parameters (fixed when a segment is built). */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
/** Search-time beam width: at least this (the whole beam for a top 10), and `HNSW_EF_PER_K` × k. */
export const HNSW_EF_SEARCH = 128;
/**
 * Beam width per result asked for. ef = 128 finds 98.7% of a top 10 on the
 * 20k benchmark tier, but only 96.4% of the retriever's 60 candidates, and
 * which of them a search misses depends on the graph: base + delta and the
 * graph a compaction builds from the same vectors missed different ones, so
 * 1 to 2 queries in 200 changed their top 10. At 8 × k the candidate pool's
 * recall is 99.5%+ and both layouts return the same candidates (see
 * tests/index/compact-identity.test.ts), for ~0.6 ms more per search.
 */
export const HNSW_EF_PER_K = 8;

/** A vector with its chunk label. */
export interface LabeledVector {
  label: number;
  vector: ArrayLike<number>;
}

/**
 * Builds the HNSW graph of one segment (space `ip`: inner product on
 * L2-normalized vectors = cosine) from `items`, in the order given.
 */
export function buildGraph(dim: number, items: LabeledVector[]): Hnsw {
  const g = new HierarchicalNSW("ip", dim);
  g.initIndex(Math.max(1, items.length), HNSW_M, HNSW_EF_CONSTRUCTION, 100, false);
  for (const { label, vector } of items) {
    if (vector.length !== dim) throw new Error(`vector has dimension ${vector.length}, the index ${dim}`);
    g.addPoint(Array.from(vector), label);
  }
  return g;
}

/** Writes `g` to `file` atomically; returns the file's size. */
export function writeGraph(g: Hnsw, file: string): number {
  const tmp = tempPathFor(file);
  try {
    g.writeIndexSync(tmp);
    const bytes = fs.statSync(tmp).size;
    commitTempFile(tmp, file);
    return bytes;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Reads the graph of `file`, which must be `bytes` long. A missing, torn or
 * corrupt file throws a `DerivedIndexError` naming it.
 */
export function readGraph(file: string, dim: number, bytes: number): Hnsw {
  try {
    const size = fs.statSync(file).size;
    if (size !== bytes) throw new Error(`${size} bytes, the manifest says ${bytes}`);
    const g = new HierarchicalNSW("ip", dim);
    g.readIndexSync(file);
    return g;
  } catch (err) {
    throw new DerivedIndexError(file, err);
  }
}

/**
 * The `k` nearest labels of `query` in `g` (cosine, best first) among those
 * `accept` takes (all when undefined).
 */
export function searchGraph(
  g: Hnsw,
  query: number[],
  k: number,
  accept?: (label: number) => boolean,
): { label: number; score: number }[] {
  const n = Math.min(k, g.getCurrentCount());
  if (n <= 0) return [];
  g.setEf(Math.max(HNSW_EF_SEARCH, HNSW_EF_PER_K * n));
  const res = accept ? g.searchKnn(query, n, accept) : g.searchKnn(query, n);
  return res.neighbors.map((label, i) => ({ label, score: 1 - (res.distances[i] ?? 1) }));
}
