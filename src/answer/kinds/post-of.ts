import { GROUP_LABELS, OFFICE_WORD } from "../../core/zh/posts.js";
import { surnameAt } from "../../core/zh/surnames.js";
import type { Claim } from "../citations.js";
import type { QuestionKind } from "./kind.js";
import { whoPostTarget } from "./who-holds-post.js";

/** "X担任什么职务", "X是什么职务", "X是解放区什么职务", "X在孟州市任什么职", "X的职务", "X是谁" (a name): the person asked about. */
export function postOfTarget(text: string): string | undefined {
  const m =
    text.match(
      /^(?:.*?[，,])?([\u4e00-\u9fff]{2,4}?)(?:同志)?(?:现|目前|现在)?(?:在[\u4e00-\u9fff]{1,8}?)?(?:担任|任|是)(?:[\u4e00-\u9fff]{1,6}?[区县市镇乡](?:的)?)?(?:什么|何|哪个)(?:职务|职位|职|官|领导)/,
    ) ?? text.match(/([\u4e00-\u9fff]{2,4}?)的(?:职务|职位)/);
  if (m?.[1]) return m[1];
  const who = whoPostTarget(text);
  // "李军是谁": a person's post.
  if (who && !OFFICE_WORD.test(who) && /^[\u4e00-\u9fff]{2,4}$/.test(who) && surnameAt(who, 0) > 0) return who;
  return undefined;
}

/** "何飞担任什么职务？": the post(s) printed before the person's name. */
export const postOf: QuestionKind = {
  name: "post_of",
  description: "what post a person holds (X担任什么职务)",
  roleAsk: true,
  detect(q) {
    const target = postOfTarget(q.text);
    return target ? { target } : undefined;
  },
  candidates: (q, facts) => (q.target ? facts.articlesWithName(q.target) : []),
  answer(ctx): Claim[] {
    const name = ctx.q.target;
    if (!name) return [];
    for (const cand of ctx.cands) {
      for (const f of cand.facts) {
        if (f.kind !== "person" || f.name !== name || !f.post) continue;
        if (/领导$|常委$/.test(f.post) || GROUP_LABELS.test(f.post)) continue;
        return [
          {
            text: `${name}的职务是${f.post}（原文：“${f.value}”）`,
            article: cand.article,
            spans: [{ start: f.quoteStart, end: f.quoteEnd }],
          },
        ];
      }
    }
    return [];
  },
};
