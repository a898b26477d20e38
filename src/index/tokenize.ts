import { toHalfWidth } from "../core/normalize.js";
import { segmenter } from "../core/zh/jieba.js";

/**
 * Words too common (or too question-like) to help a lexical match: particles,
 * pronouns and the interrogatives of a user's question ("哪些", "多少").
 */
const STOPWORDS = new Set(
  (
    "的 了 是 在 和 与 及 并 等 对 把 被 将 为 以 于 由 从 向 也 都 又 还 就 而 之 其 这 那 个 有 着 过 " +
    "吗 呢 吧 啊 呀 么 哪 哪些 哪个 哪里 哪儿 哪天 哪位 什么 谁 多少 几 几名 几个 怎么 怎样 如何 为何 为什么 是否 " +
    "请问 请 一下 情况 一个 我们 你们 他们 我 你 他 她 它 能 会 要 该 上 下 中 里 时 后 前 了吗"
  ).split(" "),
);

/**
 * Tokens for BM25, the same for passages and questions: full-width
 * characters folded to half-width ("８吨" = "8吨"), jieba's search-mode
 * cut (words plus their dictionary sub-words), lower-cased, without
 * punctuation, white space and stop words. Unknown names (a 乡 or a person
 * jieba does not know) still match through their single characters' HMM
 * segmentation being identical on both sides.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(toHalfWidth(text), true)) {
    const t = raw.trim().toLowerCase();
    if (!t || STOPWORDS.has(t)) continue;
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    out.push(t);
  }
  return out;
}
