import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let jieba: Jieba | undefined;

/**
 * The process's one jieba segmenter, with its default dictionary. The
 * dictionary (a few MB) loads on first use, once, whichever layer asks
 * first: BM25 tokens, question units, digest cuts and name tags all come
 * from this instance.
 */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** A word with its jieba part of speech (nr person, ns place, nt organisation, …). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** The words of `text` with their part-of-speech tags. */
export function tagWords(text: string): TaggedWord[] {
  return segmenter().tag(text, true);
}

/**
 * The place names jieba tags in `text` (ns), joined with a following 县/区/市/镇 when cut apart, e.g.
 * "平顶山新华区区长办公会" → ["平顶山", "新华区"].
 */
export function placeWords(text: string): string[] {
  const out: string[] = [];
  for (const w of tagWords(text)) if (w.tag === "ns" && w.word.length >= 2) out.push(w.word);
  return out;
}
