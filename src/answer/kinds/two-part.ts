import type { Claim } from "../citations.js";
import { ASKS_HOWMANY } from "../question.js";
import { questionUnits } from "../units.js";
import { howManyClaims } from "./how-many.js";
import type { QuestionKind } from "./kind.js";

/** The parts of a question that asks two quantities ("应出席多少人、实到多少人", "几个项目，总投资多少"). */
export function quantityParts(text: string): string[] {
  const parts = text
    .replace(/[？?]+$/, "")
    .split(/[、，,；;？?]|(?<=多少[\u4e00-\u9fff]?)(?:和|及|与)/)
    .filter((p) => p.trim().length > 0);
  const asking = parts.filter((p) => ASKS_HOWMANY.test(p.replace(/哪几/g, "哪些")));
  if (asking.length >= 2) return asking;
  // "应到和实到委员各多少名": one count asked of each of two words.
  return eachParts(text);
}

/**
 * "应到和实到委员各多少名" → 应到委员多少名, 实到委员多少名; "签约项目和开工项目各有多少个" → 签约项目有多少个,
 * 开工项目有多少个: two parallel phrases joined by 和/与/及, then one count asked of each (各). Phrases ending
 * alike are whole (主会场/分会场); else the first is a two-character word sharing the second's noun (应到/实到委员).
 */
function eachParts(text: string): string[] {
  const m = text.match(
    /^(.*?[\u4e00-\u9fff]{2})(?:和|与|及|、)([\u4e00-\u9fff]{2,8}?)各((?:有|是|为)?(?:多少|几)[\s\S]*)$/,
  );
  if (!m?.[1] || !m[2] || !m[3]) return [];
  const [, pre, second, ask] = m;
  const tail = second.slice(-2);
  const first = pre.endsWith(tail) ? pre.slice(-second.length) : pre.slice(-2);
  const noun = pre.endsWith(tail) ? "" : second.slice(2);
  const head = pre.slice(0, pre.length - first.length);
  return [`${head}${first}${noun}${ask}`, `${head}${second}${ask}`];
}

/**
 * "应到委员多少名，实到多少名？", "签约了几个项目，签约金额合计多少？": each part answered as a how-many
 * question about the same event, its own words picking its clause; the answer states every part.
 */
export const twoPart: QuestionKind = {
  name: "two_part",
  description: "two quantities in one question (应到…实到…, 几个项目、总投资多少)",
  detect: (q) => (quantityParts(q.text).length >= 2 ? {} : undefined),
  answer(ctx) {
    const claims: Claim[] = [];
    const used = new Set<string>();
    const parts = quantityParts(ctx.q.text);
    const ownOf = (part: string) =>
      questionUnits(part.replace(/多少|几[个名位家项次人天]?/g, " ")).filter((u) => u.length >= 2);
    for (const [i, part] of parts.entries()) {
      const own = ownOf(part);
      // The words only another part asks ("实到" for the 应出席 part) are no content of this one.
      const others = new Set(
        parts
          .filter((_, j) => j !== i)
          .flatMap(ownOf)
          .filter((u) => !own.includes(u)),
      );
      const weights = new Map([...ctx.weights].filter(([u]) => !others.has(u)));
      const sub = { ...ctx, weights, q: { ...ctx.q, text: part, focus: own } };
      const got = howManyClaims(sub, used);
      if (got.length === 0) return [];
      for (const c of got) {
        if (!claims.some((x) => x.text === c.text)) claims.push(c);
      }
    }
    return claims;
  },
};
