import { segmenter } from "../core/zh/jieba.js";
import { formsOf } from "../core/zh/meetings.js";

/** The jieba words of `text` (precise mode). */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, false);
}

/** Words that carry no content in a question about the news. */
const STOP = new Set([
  "是",
  "有",
  "在",
  "了",
  "的",
  "和",
  "与",
  "及",
  "对",
  "把",
  "被",
  "从",
  "向",
  "由",
  "为",
  "都",
  "也",
  "还",
  "又",
  "就",
  "被",
  "上",
  "中",
  "里",
  "开始",
  "今年",
  "去年",
  "当时",
  "目前",
  "现在",
  "一共",
  "总共",
  "共",
  "先后",
  "进行",
  "作",
  "做",
  "怎么",
  "如何",
  "情况",
  "会上",
  "会中",
  "期间",
  "当天",
  "活动中",
  "地方",
  "地点",
  "时间",
  "日期",
  "具体",
  "方面",
  "哪些",
  "哪几",
  "这次",
  "此次",
  "本次",
  "那次",
  "那篇",
  "这篇",
  "报道",
  "稿子",
  "文章",
  "职务",
  "职位",
  "分别",
  "时候",
  "搞",
  "到",
  "去",
  "来",
  "时",
  "第",
  "人数",
  "数量",
  "总数",
  "还是",
  "在讲话中",
  "讲话中",
]);

/**
 * The matching units of a question: jieba words of two or more characters,
 * and the character bigrams of runs of single characters (names and places
 * the dictionary does not know, such as 张汭乡 → 张汭, 汭乡). Stop words are
 * dropped. A unit matches a text when the text contains it.
 */
export function questionUnits(content: string): string[] {
  return questionTerms(content).units;
}

/**
 * The matching units of a question (see `questionUnits`) and the soft ones among them: bigrams of a
 * run of single characters that cross a word boundary of jieba's HMM cut of the run ("李卫东巡河时" →
 * 李卫东/巡河/时: 河巡 and 河时 are soft). A soft unit weighs a third (`unitWeights`).
 */
export function questionTerms(content: string, places: readonly string[] = []): { units: string[]; soft: Set<string> } {
  const units = new Set<string>();
  const soft = new Set<string>();
  // A place the question names ("青禾县") is one unit: never cut into bigrams with what follows (县第).
  let rest = content;
  for (const p of [...places].sort((a, b) => b.length - a.length)) {
    if (p.length >= 2 && rest.includes(p)) {
      units.add(p);
      rest = rest.split(p).join(" ");
    }
  }
  for (const part of rest.split(/[\s，,。？?！!、“”"《》()（）:：;；]+/).filter(Boolean)) {
    const words = segmenter().cut(part, false);
    let run = "";
    const flush = () => {
      if (run.length >= 2) {
        // Word boundaries of the HMM cut (names the dictionary lacks: 李卫东, 张建国).
        const cuts = new Set<number>();
        let at = 0;
        for (const w of segmenter().cut(run, true)) {
          at += w.length;
          cuts.add(at);
        }
        for (let i = 0; i + 2 <= run.length; i++) {
          const g = run.slice(i, i + 2);
          if (STOP.has(g)) continue;
          if (cuts.has(i + 1) && !units.has(g)) soft.add(g);
          else soft.delete(g);
          units.add(g);
        }
      }
      run = "";
    };
    let prev = "";
    for (const w of words) {
      const before = prev;
      prev = w;
      // "应/到", "实/到": the count of who was due and who came, cut apart by jieba, is one unit.
      if (w === "到" && /[应实]$/.test(run)) {
        units.add(`${run.slice(-1)}到`);
        run = run.slice(0, -1);
        flush();
        continue;
      }
      if (STOP.has(w)) {
        flush();
        continue;
      }
      // "推进/会/设": a 会 cut off a meeting's name belongs to it, never to a bigram with the next verb (会设);
      // the name's word is the unit ("防治会" need not be printed: "…防治攻坚工作推进会").
      if (w === "会" && before.length >= 2 && !run) continue;
      if (w.length === 1 && /[\u4e00-\u9fff]/.test(w)) {
        run += w;
        continue;
      }
      flush();
      // "实到人数": a word ending in a frame word (人数, 情况) matches by its head (实到).
      const frame = w.length >= 4 ? [...STOP].find((x) => x.length >= 2 && w.endsWith(x)) : undefined;
      if (frame) units.add(w.slice(0, -frame.length));
      else if (w.length >= 2) units.add(w);
      else if (/\d/.test(w)) units.add(w);
    }
    flush();
  }
  return { units: [...units], soft };
}

/**
 * Weights units by how rare they are among `texts` (the candidate
 * sentences): a unit found in few texts (专项债券) counts more than one found
 * everywhere (会议). Units found nowhere get the highest weight, so that a
 * question about something the news never mentions scores low.
 */
export function unitWeights(
  units: string[],
  texts: string[],
  soft: ReadonlySet<string> = new Set(),
): Map<string, number> {
  const n = texts.length;
  const weights = new Map<string, number>();
  for (const u of units) {
    let df = 0;
    for (const t of texts) if (t.includes(u)) df++;
    const idf = Math.log((n + 1) / (df + 0.5));
    weights.set(u, Math.max(0.2, idf) * Math.min(3, u.length) * (soft.has(u) ? 1 / 3 : 1));
  }
  return weights;
}

const PUNCT = /[\s()（）“”"‘’《》〈〉「」、·•]/g;

/**
 * Weighted share (0..1) of `units` contained in any of `texts`. Brackets,
 * quotes and spaces do not break a match: "委常委扩大会" is found in
 * "区委常委(扩大)会".
 */
export function coverage(weights: Map<string, number>, ...texts: string[]): number {
  let total = 0;
  let hit = 0;
  let squashed: string[] | undefined;
  for (const [u, w] of weights) {
    total += w;
    const forms = formsOf(u);
    if (texts.some((t) => forms.some((f) => t.includes(f)))) {
      hit += w;
      continue;
    }
    squashed ??= texts.map((t) => t.replace(PUNCT, ""));
    if (squashed.some((t) => forms.some((f) => t.includes(f)))) {
      hit += w;
      continue;
    }
    // A long word printed in parts ("政协会议" in "政协九届五次会议"): partial credit for its bigrams.
    if (u.length >= 4) {
      const grams = [...Array(u.length - 1).keys()].map((i) => u.slice(i, i + 2));
      const found = grams.filter((g) => squashed?.some((t) => t.includes(g))).length;
      hit += 0.8 * w * (found / grams.length);
    }
  }
  return total > 0 ? hit / total : 0;
}
