/** One fused result: the item, its fused score, and its 1-based rank in each input list (0 = absent). */
export interface Fused<T> {
  item: T;
  score: number;
  ranks: number[];
}

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each item scores
 * Σ weight_i / (k + rank_i) over the ranked lists it appears in, so items
 * ranked well by several retrievers rise to the top whatever the scales of
 * their raw scores. Items are identified by `key`; the first occurrence is
 * kept. Result best first; ties keep first-list order.
 */
export function reciprocalRankFusion<T>(
  lists: T[][],
  key: (item: T) => string | number,
  opts: { k?: number; weights?: number[] } = {},
): Fused<T>[] {
  const k = opts.k ?? 60;
  const byKey = new Map<string | number, Fused<T> & { order: number }>();
  let order = 0;
  lists.forEach((list, li) => {
    const w = opts.weights?.[li] ?? 1;
    list.forEach((item, idx) => {
      const id = key(item);
      let f = byKey.get(id);
      if (!f) {
        f = { item, score: 0, ranks: lists.map(() => 0), order: order++ };
        byKey.set(id, f);
      }
      if (f.ranks[li] === 0) {
        f.ranks[li] = idx + 1;
        f.score += w / (k + idx + 1);
      }
    });
  });
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score, ranks }) => ({ item, score, ranks }));
}

/** Keeps at most `max` items per group (`group(item)`), in order. */
export function capPerGroup<T>(items: T[], group: (item: T) => string, max: number): T[] {
  if (!(max > 0)) return items;
  const counts = new Map<string, number>();
  return items.filter((it) => {
    const g = group(it);
    const n = counts.get(g) ?? 0;
    counts.set(g, n + 1);
    return n < max;
  });
}

/**
 * Relative score fusion: each list's scores are min-max normalized to [0, 1]
 * over the list's own candidates (a list with one candidate, or all equal,
 * gives 1), then summed with `weights`. Unlike RRF it keeps how far ahead a
 * list's best hit is (a decisive BM25 match on a rare name is not
 * outvoted by a flat dense ranking). Result best first.
 */
export function relativeScoreFusion<T>(
  lists: { item: T; score: number }[][],
  key: (item: T) => string | number,
  opts: { weights?: number[] } = {},
): Fused<T>[] {
  const byKey = new Map<string | number, Fused<T> & { order: number }>();
  let order = 0;
  lists.forEach((list, li) => {
    const w = opts.weights?.[li] ?? 1;
    const scores = list.map((h) => h.score);
    const max = Math.max(...scores);
    const min = Math.min(...scores);
    list.forEach((h, idx) => {
      const id = key(h.item);
      let f = byKey.get(id);
      if (!f) {
        f = { item: h.item, score: 0, ranks: lists.map(() => 0), order: order++ };
        byKey.set(id, f);
      }
      if (f.ranks[li] === 0) {
        f.ranks[li] = idx + 1;
        f.score += w * (max > min ? (h.score - min) / (max - min) : 1);
      }
    });
  });
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score, ranks }) => ({ item, score, ranks }));
}
