/** BM25 parameters (Okapi defaults). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** One BM25 hit: the document's label and its score. */
export interface Bm25Hit {
  label: number;
  score: number;
}

/** The postings of one term in one segment: labels and term frequencies, aligned. */
export interface PostingList {
  labels: Int32Array;
  tfs: Int32Array;
}

/** The collection a BM25 search scores against: live document lengths by label (< 0 = none) and totals. */
export interface Bm25Stats {
  /** Length in tokens of each live document by label; -1 for deleted or absent labels. */
  lengths: Int32Array;
  /** Number of live documents and the sum of their lengths. */
  docs: number;
  totalLength: number;
  /** Whether every label in the posting lists is live (nothing deleted since the last compaction). */
  allLive?: boolean;
}

/**
 * Okapi BM25 over posting lists that may hold deleted documents (skipped,
 * and not counted in a term's document frequency): the `k` best live
 * documents for the query's terms, best first (ties by label), among those
 * `filter` accepts. `postings(term)` returns the term's lists in every
 * segment. Each distinct term counts once; documents matching none are not
 * returned. `acc` is a score buffer the caller may reuse between calls.
 */
export function bm25Search(
  terms: string[],
  postings: (term: string) => PostingList[],
  stats: Bm25Stats,
  k: number,
  filter?: (label: number) => boolean,
  acc: Float64Array = new Float64Array(stats.lengths.length),
): Bm25Hit[] {
  const { lengths: lens, docs: n } = stats;
  if (n === 0 || k <= 0) return [];
  const avgdl = stats.totalLength / n || 1;
  const touched: number[] = [];
  for (const term of new Set(terms)) {
    const lists = postings(term);
    let df = 0;
    if (stats.allLive) for (const { labels } of lists) df += labels.length;
    else for (const { labels } of lists) for (const l of labels) if ((lens[l] ?? -1) >= 0) df++;
    if (df === 0) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const { labels, tfs } of lists) {
      for (let i = 0; i < labels.length; i++) {
        const label = labels[i] as number;
        const len = lens[label] ?? -1;
        if (len < 0) continue;
        const tf = tfs[i] as number;
        if (acc[label] === 0) touched.push(label);
        acc[label] =
          (acc[label] as number) + (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / avgdl));
      }
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

/**
 * The posting lists of a batch of new documents: term → labels and term
 * frequencies, labels ascending (the order given).
 */
export function buildPostings(docs: { label: number; tokens: string[] }[]): Map<string, PostingList> {
  const acc = new Map<string, number[]>();
  for (const { label, tokens } of docs) {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      let list = acc.get(term);
      if (!list) {
        list = [];
        acc.set(term, list);
      }
      list.push(label, n);
    }
  }
  const out = new Map<string, PostingList>();
  for (const [term, flat] of acc) {
    const labels = new Int32Array(flat.length / 2);
    const tfs = new Int32Array(flat.length / 2);
    for (let i = 0; i < labels.length; i++) {
      labels[i] = flat[2 * i] as number;
      tfs[i] = flat[2 * i + 1] as number;
    }
    out.set(term, { labels, tfs });
  }
  return out;
}
