import { MEASURE_WORDS } from "../../core/zh/numbers.js";
import { splitClauses } from "../../facts/text.js";
import type { QuantityFact } from "../../facts/types.js";
import type { Claim } from "../citations.js";
import {
  bestClause,
  claimOf,
  hasQuantity,
  MIN_CLAUSE_COVERAGE,
  relevantSentences,
  type ScoredSentence,
  withoutChecked,
  withoutTitleUnits,
} from "../extractive.js";
import { ASKS_HOWMANY } from "../question.js";
import { coverage } from "../units.js";
import type { AnswerContext, QuestionKind } from "./kind.js";

/** What a how-many question counts: the measure word and the noun after it ("多少个项目" → 个, 项目), or money. */
export interface AskedQuantity {
  measure?: string;
  noun?: string;
  /** "总投资多少", "金额多少": an amount of money (元). */
  money: boolean;
  /** The noun only qualifies what is counted ("几个县政府的报告"): no check that the count is of it. */
  qualifier?: boolean;
}

const MEASURE = `[${MEASURE_WORDS}]`;

/** Reads what a how-many question counts ("几个明查暗访组" → 个 + 明查暗访组; "协议投资额多少" → money). */
export function askedQuantity(text: string): AskedQuantity {
  const m = text.match(
    new RegExp(`(?:多少|几)(${MEASURE})?([\\u4e00-\\u9fff]{0,6}?)(?=[,，、?？吗呢]|$|是|的|有|在|被|参加|出席)`),
  );
  const money = /投资|金额|资金|产值|多少钱|营收|收入|总额|税收/.test(text) && !m?.[1];
  // "几个县政府的报告": 县政府 only qualifies what is counted (报告).
  const qualifier = !!m?.[2] && text.slice((m.index ?? 0) + m[0].length).startsWith("的");
  return { measure: m?.[1], noun: m?.[2] || undefined, money, ...(qualifier ? { qualifier } : {}) };
}

/** Counters of people: "多少人" is answered by "200余人", "56名", "数十位". */
const PERSON_MEASURES = new Set(["人", "名", "位", "人次"]);

/** Whether two measure words count the same thing (the same word, or both count people). */
function sameMeasure(a: string | undefined, b: string): boolean {
  return a === b || (a !== undefined && PERSON_MEASURES.has(a) && PERSON_MEASURES.has(b));
}

/** A measure word right after a number ("名", "个"): not what is counted. */
const MEASURE_AT_START = new RegExp(`^${MEASURE}`);

/** The words after a number without the measure that opens them: the one asked ("公里"), else one measure character. */
function withoutMeasure(after: string, measure: string | undefined): string {
  return measure && after.startsWith(measure) ? after.slice(measure.length) : after.replace(MEASURE_AT_START, "");
}

/** Words that may follow a count without naming what is counted ("56名参加", "3人出席"). */
const AFTER_COUNT_VERB = /^(?:参加|出席|参与|到会|到场|列席|获得|获|当选|以上|左右|次|多|余)/;

/**
 * Whether the words right after a number name another thing than the noun asked: they start with a
 * noun-like run of Chinese that does not hold the asked noun's head, even abbreviated ("选区选民" for
 * "区人大代表"; "常务委员会委员" holds "常委").
 */
function countsOther(noun: string, after: string): boolean {
  if (!/^[\u4e00-\u9fff]{2}/.test(after) || AFTER_COUNT_VERB.test(after)) return false;
  // The head's characters in order, also abbreviated ("常委" in "区政协九届常务委员会委员").
  const window = after.slice(0, noun.length + 10);
  let at = 0;
  for (const c of noun.slice(-2)) {
    at = window.indexOf(c, at);
    if (at < 0) return true;
    at++;
  }
  return false;
}

/** How well a clause's quantities fit what is asked: the measure word and noun printed after a number, or 元. */
function quantityFit(asked: AskedQuantity, clause: string, quantities: QuantityFact[]): number {
  let best = 0;
  for (const qf of quantities) {
    if (!clause.includes(qf.value)) continue;
    const after = clause.slice(clause.indexOf(qf.value) + qf.value.length);
    let f = 0.05;
    if (asked.money && /元$/.test(qf.value)) f = 0.4;
    // "30余公里": the measure may follow an approximation mark (余, 多) the fact stores as its unit.
    if (asked.measure && (sameMeasure(qf.unit, asked.measure) || after.startsWith(asked.measure))) f = 0.25;
    // "12个签约项目" counts 项目 too: the noun within a short modifier after the number.
    if (asked.noun && (after.slice(0, asked.noun.length + 2).includes(asked.noun) || qf.value.endsWith(asked.noun)))
      f += 0.25;
    // "几名区人大代表" is not counted by "71名选区选民": a number followed by another noun counts something else.
    else if (asked.noun && !asked.qualifier && countsOther(asked.noun, withoutMeasure(after, asked.measure))) continue;
    best = Math.max(best, f);
  }
  return best;
}

/**
 * The clause stating the quantity asked about: it must hold a quantity and what the question asks
 * beyond the article's title; of those, the one whose number carries the asked measure and noun
 * ("64个项目" for "多少个项目", "220.98亿元" for "总投资多少") wins over a quantity of something else.
 */
export function howManyClaims(ctx: AnswerContext, used: Set<string> = new Set()): Claim[] {
  const asked = askedQuantity(ctx.q.text);
  // A part of a two-part question: the words of that part ("实到", "签约金额") pick its clause.
  const own = ctx.q.focus;
  const ownShare = (t: string) => (own.length === 0 ? 0 : (0.6 * own.filter((w) => t.includes(w)).length) / own.length);
  let best: { s: ScoredSentence; cov: number; fit: number; at: number } | undefined;
  // The years and ordinals asked ("2021年第四季度") are checked on the article (candidates print them): the
  // clause need not repeat them.
  const checked = withoutChecked(ctx.weights, ctx.q.ordinals);
  for (const s of relevantSentences(ctx.q, ctx.scored()).slice(0, 16)) {
    if (!hasQuantity(s.sentence.text)) continue;
    const quantities = s.cand.facts.filter(
      (f): f is QuantityFact => f.kind === "quantity" && f.start >= s.sentence.start && f.end <= s.sentence.end,
    );
    const local = withoutTitleUnits(checked, s.meta);
    for (const c of splitClauses(s.sentence)) {
      if (!hasQuantity(c.text)) continue;
      const typed = quantityFit(asked, c.text, quantities);
      // "多少人" is not answered by "一场…攻坚战": a quantity of another measure and noun is no count of it.
      if (asked.measure && !asked.money && typed < 0.25) continue;
      // A clause another part used answers this part only when it prints this part's noun ("1个主会场、6个分会场").
      if (used.has(`${s.cand.article.id}:${c.start}`) && typed < 0.3) continue;
      const f = typed + ownShare(c.text);
      // Nothing asked beyond what the title says ("第18次常务会议应到多少人"): the article covers it.
      const pure = (local === checked ? coverage(local, s.meta, c.text) : coverage(local, c.text)) + 0.05 * s.score;
      // The asked noun printed after the number ("64个项目") is evidence enough for half the coverage. A
      // count of the measure asked ("吸引数十位村民参加" for 多少人) may take its topic from the clauses
      // before it in its sentence ("…举办迎新春文艺汇演，…，吸引数十位村民参加").
      const lead = s.sentence.text.slice(0, c.end - s.sentence.start);
      const gate = typed >= 0.25 ? Math.max(pure, coverage(local, lead)) : pure;
      if (gate < MIN_CLAUSE_COVERAGE * (typed >= 0.3 ? 0.5 : 1)) continue;
      const cov = pure + f;
      if (!best || cov > best.cov) best = { s, cov, fit: f, at: c.start };
    }
  }
  if (!best) return [];
  const chosen = best;
  used.add(`${chosen.s.cand.article.id}:${chosen.at}`);
  const all = chosen.s.cand.facts.filter((f): f is QuantityFact => f.kind === "quantity");
  const text = bestClause(
    chosen.s,
    ctx.weights,
    (c) =>
      hasQuantity(c.text) &&
      (c.start === chosen.at || !used.has(`${chosen.s.cand.article.id}:${c.start}`)) &&
      quantityFit(asked, c.text, all) + ownShare(c.text) >= chosen.fit,
  );
  return text ? [claimOf(chosen.s, text)] : [];
}

/** "多少个项目？", "总投资多少？": the clause stating the quantity asked about. */
export const howMany: QuestionKind = {
  name: "howmany",
  description: "how many / how much (多少, 几个)",
  // "哪几所学校" asks which, not how many.
  detect: (q) => (ASKS_HOWMANY.test(q.text.replace(/哪几/g, "哪些")) ? {} : undefined),
  answer: howManyClaims,
};
