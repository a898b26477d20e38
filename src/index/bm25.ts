/** The JSON form of a `Bm25Index`, as persisted in INDEX_DIR. */
export interface Bm25Json {
  version: 1;
  k1: number;
  b: number;
  /** [label, length in tokens] of every live document. */
  docs: [number, number][];
  /** term → flat [label, tf, label, tf, …] of live documents. */
  postings: Record<string, number[]>;
}

/** One BM25 hit: the document's label and its score. */
export interface Bm25Hit {
  label: number;
  score: number;
}

/**
 * An Okapi BM25 index over pre-tokenized documents identified by integer
 * labels (the same labels as the vector index). Documents are added and
 * removed incrementally: a removed document stops counting at once and its
 * postings are dropped when the index is serialized (`toJSON`).
 */
export class Bm25Index {
  private readonly lengths = new Map<number, number>();
  private readonly postings = new Map<string, number[]>();
  private totalLength = 0;
  private maxLabel = -1;
  /** Length of each live document by label (-1 = none): the search loop's fast path. */
  private lenByLabel = new Float64Array(0);
  /** Per-search score accumulator by label, reused between searches. */
  private acc = new Float64Array(0);

  private setLength(label: number, len: number): void {
    if (label >= this.lenByLabel.length) {
      const grown = new Float64Array(Math.max(1024, label + 1, this.lenByLabel.length * 2)).fill(-1);
      grown.set(this.lenByLabel);
      this.lenByLabel = grown;
    }
    this.lenByLabel[label] = len;
  }

  constructor(
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {}

  /** Number of live documents. */
  get size(): number {
    return this.lengths.size;
  }

  /** Whether document `label` is indexed. */
  has(label: number): boolean {
    return this.lengths.has(label);
  }

  /** Indexes document `label` with its `tokens` (replacing nothing: labels are never reused). */
  add(label: number, tokens: string[]): void {
    if (this.lengths.has(label)) throw new Error(`BM25: label ${label} is already indexed`);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      list.push(label, n);
    }
    this.lengths.set(label, tokens.length);
    this.setLength(label, tokens.length);
    this.totalLength += tokens.length;
    if (label > this.maxLabel) this.maxLabel = label;
  }

  /** Removes document `label`; returns whether it was indexed. */
  remove(label: number): boolean {
    const len = this.lengths.get(label);
    if (len === undefined) return false;
    this.lengths.delete(label);
    this.setLength(label, -1);
    this.totalLength -= len;
    return true;
  }

  /**
   * The `k` best documents for the query `tokens` (each distinct token counted
   * once), best first, among those `filter` accepts. Documents matching no
   * token are not returned.
   */
  search(tokens: string[], k: number, filter?: (label: number) => boolean): Bm25Hit[] {
    const n = this.lengths.size;
    if (n === 0 || k <= 0) return [];
    const avgdl = this.totalLength / n || 1;
    const lens = this.lenByLabel;
    if (this.acc.length < lens.length) this.acc = new Float64Array(lens.length);
    const acc = this.acc;
    const touched: number[] = [];
    const k1 = this.k1;
    const b = this.b;
    for (const term of new Set(tokens)) {
      const list = this.postings.get(term);
      if (!list) continue;
      let df = 0;
      for (let i = 0; i < list.length; i += 2) if ((lens[list[i] as number] as number) >= 0) df++;
      if (df === 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const label = list[i] as number;
        const len = lens[label] as number;
        if (len < 0) continue;
        const tf = list[i + 1] as number;
        if (acc[label] === 0) touched.push(label);
        acc[label] = (acc[label] as number) + (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgdl));
      }
    }
    // Top k without sorting every touched document: a sorted buffer of the best k so far.
    const top: Bm25Hit[] = [];
    const better = (x: Bm25Hit, y: Bm25Hit) => x.score > y.score || (x.score === y.score && x.label < y.label);
    for (const label of touched) {
      const score = acc[label] as number;
      acc[label] = 0;
      const hit = { label, score };
      if (top.length === k && !better(hit, top[k - 1] as Bm25Hit)) continue;
      if (filter && !filter(label)) continue;
      let i = top.length < k ? top.length : k - 1;
      if (top.length < k) top.push(hit);
      while (i > 0 && better(hit, top[i - 1] as Bm25Hit)) {
        top[i] = top[i - 1] as Bm25Hit;
        i--;
      }
      top[i] = hit;
    }
    return top;
  }

  /** Serializable form, without the postings of removed documents. */
  toJSON(): Bm25Json {
    const postings: Record<string, number[]> = {};
    for (const [term, list] of this.postings) {
      const live: number[] = [];
      for (let i = 0; i < list.length; i += 2) {
        if (this.lengths.has(list[i] as number)) live.push(list[i] as number, list[i + 1] as number);
      }
      if (live.length) postings[term] = live;
    }
    return { version: 1, k1: this.k1, b: this.b, docs: [...this.lengths], postings };
  }

  /** Rebuilds an index from its `toJSON()` form. */
  static fromJSON(json: Bm25Json): Bm25Index {
    if (json.version !== 1) throw new Error(`BM25 index version ${String(json.version)} is not supported; rebuild it`);
    const idx = new Bm25Index(json.k1, json.b);
    for (const [label, len] of json.docs) {
      idx.lengths.set(label, len);
      idx.setLength(label, len);
      idx.totalLength += len;
      if (label > idx.maxLabel) idx.maxLabel = label;
    }
    for (const [term, list] of Object.entries(json.postings)) idx.postings.set(term, list);
    return idx;
  }
}
