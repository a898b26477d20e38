import { segmenter } from "../../core/zh/jieba.js";
import { POST_SUFFIXES } from "../../core/zh/posts.js";
import { surnameAt } from "../../core/zh/surnames.js";
import { findMentions } from "../../facts/extract.js";
import { NAME_FOLLOWERS, nameAt } from "../../facts/names.js";

/** jieba's tags of person names (nr; nrt and nrfg are its variants). */
const PERSON_TAGS = new Set(["nr", "nrt", "nrfg"]);

/**
 * jieba tags that mark a dictionary word as something other than a name:
 * "方面" (n) after 的 is a noun, not 方 + 面. A bare candidate with one of
 * these is not a name unless its context says it is (see `bareNames`).
 */
const NOT_A_NAME_TAGS = /^(?:n|ns|nt|nz|v|vn|vd|a|ad|an|d|m|mq|q|t|f|s|r|p|c|u|l|i|j|z|b)$/;

/**
 * Followers after which a surname + one or two characters is a person
 * whatever jieba thinks of the word: the list mark and the verbs of
 * presiding, attending, speaking and leading ("高峰主持会议").
 */
const ROLE_FOLLOWERS = NAME_FOLLOWERS.filter((f) => f.length > 1 || f === "、" || f === "率" || f === "说");

/** Words after which a name may start: a post or a list label ("区长", "记者"), or a connective. */
const NAME_OPENERS = [...POST_SUFFIXES, "由", "和", "与", "及", "同", "请", "让", "向", "对", "给", "把", "被"];

const CJK = /[\u4e00-\u9fff]/;

/** Whether a name may start at `text[i]`: the start, after a non-CJK character, after an opener, or at a jieba word start. */
function leftBoundary(text: string, i: number, wordStarts: Set<number>): boolean {
  if (i === 0 || !CJK.test(text[i - 1] ?? "")) return true;
  if (wordStarts.has(i)) return true;
  const before = text.slice(Math.max(0, i - 6), i);
  return NAME_OPENERS.some((o) => before.endsWith(o));
}

/**
 * A name right after a post or a byline label that no follower closes
 * ("记者张三报道"): the surname and one given character when a word of two
 * or more characters follows it, else two; given characters are checked by
 * the facts rules (no 部, 的, 于: "干部主动", "总书记党的…" are no names).
 * Only after posts of two or more characters (书记, 记者). jieba is no help
 * here: it reads unknown names after a post as anything (记者|戴|波峰|报道).
 */
function afterPost(text: string, i: number): string | undefined {
  const sl = surnameAt(text, i);
  if (!sl || !POST_SUFFIXES.some((p) => p.length >= 2 && text.slice(0, i).endsWith(p))) return undefined;
  const next = segmenter().cut(text.slice(i + sl + 1, i + sl + 8), true)[0] ?? "";
  const given = next.length >= 2 || !CJK.test(text[i + sl + 1] ?? "") ? 1 : 2;
  for (const gl of given === 2 ? [2, 1] : [1]) {
    const name = text.slice(i, i + sl + gl);
    if (name.length === sl + gl && nameAt(text, i, new Set([name])) === name) return name;
  }
  return undefined;
}

/** Whether jieba reads `word` on its own as one dictionary word that is not a person name. */
function dictionaryNonName(word: string): boolean {
  const tags = segmenter().tag(word, true);
  return tags.length === 1 && tags[0]?.word === word && NOT_A_NAME_TAGS.test(tags[0].tag);
}

/** A name found in a claim; `whole` when it must stand in the quote as a whole name, not only as a substring. */
interface NameCandidate {
  name: string;
  whole: boolean;
}

/**
 * Bare person names: a surname of the shared list and one or two given
 * characters (`nameAt` of the facts rules) standing where a name stands,
 * with or without a post: "张伟主持了会议", "欧阳娜娜", "诸葛亮、司马懿作了
 * 发言". A candidate that jieba knows as an ordinary word ("方面的") counts
 * only when a post precedes it or a role verb follows it.
 */
function bareNames(text: string): NameCandidate[] {
  const cut = segmenter().cut(text, true);
  const wordStarts = new Set<number>();
  let at = 0;
  for (const w of cut) {
    wordStarts.add(at);
    at += w.length;
  }
  const out: NameCandidate[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!leftBoundary(text, i, wordStarts)) continue;
    const ruled = nameAt(text, i);
    const name = ruled ?? afterPost(text, i);
    if (!name) continue;
    if (!ruled) {
      // A reading, not a certain name: the quote needs to contain it, not to show it as a whole name.
      out.push({ name, whole: false });
      continue;
    }
    const after = i + name.length;
    const strong =
      ROLE_FOLLOWERS.some((f) => text.startsWith(f, after)) ||
      POST_SUFFIXES.some((p) => text.slice(0, i).endsWith(p) && p.length >= 2);
    if (!strong && dictionaryNonName(name)) continue;
    out.push({ name, whole: true });
  }
  return out;
}

/** The person names of `text` (see `namesIn`), each with how strictly the quote must contain it. */
function candidates(text: string, known: Iterable<string>): NameCandidate[] {
  const out = new Map<string, boolean>();
  for (const m of findMentions(text)) out.set(m.name, true);
  for (const c of bareNames(text)) if (!out.has(c.name)) out.set(c.name, c.whole);
  for (const k of known) if (k && standsAsName(text, k)) out.set(k, true);
  // Words jieba tags as a person, or found by its HMM (tag x) and led by a surname ("记者张三报道"): jieba's
  // words are whole words, not heads of longer names, so a substring match in the quote is enough.
  for (const { word, tag } of segmenter().tag(text, true)) {
    if (word.length < 2 || out.has(word) || ![...word].every((c) => CJK.test(c))) continue;
    if (PERSON_TAGS.has(tag) || (tag === "x" && word.length <= 4 && surnameAt(word) > 0)) out.set(word, false);
  }
  // A name read inside a longer one at the same place is part of it (海水 of 葛海水).
  const names = [...out.keys()];
  return [...out]
    .filter(([name]) => !names.some((m) => m !== name && m.includes(name) && onlyInside(text, name, m)))
    .map(([name, whole]) => ({ name, whole }));
}

/** Whether every occurrence of `part` in `text` lies inside an occurrence of `whole`. */
function onlyInside(text: string, part: string, whole: string): boolean {
  const offset = whole.indexOf(part);
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    if (text.slice(at - offset, at - offset + whole.length) !== whole) return false;
  }
  return true;
}

/**
 * The person names stated in `text`: names after a post or in a list (the
 * rules of fact extraction), bare names (`bareNames`), words jieba tags as
 * person names (nr) or finds as new words led by a surname, and any of the
 * `known` names (every person of the candidate articles) standing in it as
 * a name.
 */
export function namesIn(text: string, known: Iterable<string> = []): string[] {
  return candidates(text, known).map((c) => c.name);
}

/**
 * Whether `name` occurs in `text` as a whole name: not as the head of a
 * longer name (李军 in 李军华主持). The character after it is not CJK, or a
 * follower of names (主持, 、, 同志) or a post (书记) starts there.
 */
export function standsAsName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (end >= text.length || !CJK.test(text[end] ?? "")) return true;
    if (NAME_FOLLOWERS.some((f) => text.startsWith(f, end))) return true;
    if (POST_SUFFIXES.some((p) => p.length >= 2 && text.startsWith(p, end))) return true;
  }
  return false;
}

/**
 * The names of `claim` that `quote` does not state. A name of the rules
 * must stand in the quote as a whole name (李军 is not stated by 李军华), or
 * be one of the quote's own names (何飞 of "何飞详细了解", where no follower
 * closes it); a word only jieba tagged needs to occur in it.
 */
export function unsupportedNames(claim: string, quote: string, known: Iterable<string> = []): string[] {
  let quoteNames: Set<string> | undefined;
  const stated = (c: NameCandidate) => {
    if (!quote.includes(c.name)) return false;
    if (!c.whole || standsAsName(quote, c.name)) return true;
    quoteNames ??= new Set(namesIn(quote));
    return quoteNames.has(c.name);
  };
  return candidates(claim, known)
    .filter((c) => !stated(c))
    .map((c) => c.name);
}
