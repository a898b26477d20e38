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
