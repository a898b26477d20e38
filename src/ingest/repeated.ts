/**
 * Repeated passages: a page may print the same paragraphs under two
 * headlines (a layout slip, or a continued story). The chunker skips them so
 * they do not become duplicate search hits.
 */

const N = 3;
/** Share of a paragraph's character trigrams found in one earlier paragraph that makes it a repeat. */
const MIN_CONTAINMENT = 0.8;
/** Paragraphs shorter than this (characters, punctuation left out) are never flagged. */
const MIN_LENGTH = 20;
/** Earlier paragraphs remembered per trigram: keeps a page full of repeats linear, not quadratic. */
const MAX_POSTINGS = 32;

function grams(text: string): Set<string> {
  const s = text.replace(/[\s\p{P}\p{S}]/gu, "");
  const out = new Set<string>();
  for (let i = 0; i + N <= s.length; i++) out.add(s.slice(i, i + N));
  return out;
}

/**
 * For each article (paragraph lists, in page order), the indexes of the
 * paragraphs that repeat an earlier paragraph of the same or an earlier
 * article: at least 80% of their character trigrams occur in one earlier
 * paragraph (so "会议强调,…" repeating "会议指出,…" with a word changed, or
 * cut short, still counts).
 */
export function findRepeatedParagraphs(articles: string[][]): number[][] {
  const postings = new Map<string, number[]>();
  const exact = new Set<string>();
  let nextId = 0;
  return articles.map((paras) => {
    const repeated: number[] = [];
    paras.forEach((para, index) => {
      const key = para.replace(/[\s\p{P}\p{S}]/gu, "");
      if (key.length >= MIN_LENGTH && exact.has(key)) {
        repeated.push(index);
        return;
      }
      exact.add(key);
      const g = grams(para);
      const id = nextId++;
      if (g.size + N - 1 >= MIN_LENGTH) {
        const hits = new Map<number, number>();
        for (const gram of g) for (const p of postings.get(gram) ?? []) hits.set(p, (hits.get(p) ?? 0) + 1);
        let best = 0;
        for (const c of hits.values()) best = Math.max(best, c);
        if (best / g.size >= MIN_CONTAINMENT) repeated.push(index);
      }
      for (const gram of g) {
        const list = postings.get(gram);
        if (list) {
          if (list.length < MAX_POSTINGS) list.push(id);
        } else postings.set(gram, [id]);
      }
    });
    return repeated;
  });
}
