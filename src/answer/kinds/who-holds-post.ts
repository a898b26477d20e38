import { OFFICE_WORD, POST_TIME_PREFIX } from "../../core/zh/posts.js";
import { type Claim, quoteSpan } from "../citations.js";
import type { CandidateArticle } from "../extractive.js";
import type { QuestionKind } from "./kind.js";

/** "卫东区人大常委会主任是谁", "谁是…", "…由谁担任": what stands where the post is asked. */
export function whoPostTarget(text: string): string | undefined {
  const m =
    text.match(/^(.+?)(?:是谁|叫什么|是哪位|姓名)/) ?? text.match(/^谁是(.+?)[？?]?$/) ?? text.match(/^(.+?)由谁担任/);
  return m?.[1]?.replace(POST_TIME_PREFIX, "");
}

/** "卫东区人大常委会主任" → "人大常委会主任": the post without the district that names it. */
export function corePost(target: string, district: string | undefined): string {
  let t = target.replace(POST_TIME_PREFIX, "");
  if (district && t.startsWith(district)) t = t.slice(district.length);
  t = t.replace(/^(?:[\u4e00-\u9fff]{1,3}(?:区|县|市)(?=[\u4e00-\u9fff]{3,}))/, "");
  return t.replace(/^(?:区|县|市)(?=.{3,})/, "");
}

/** who_post: the person printed with the post asked about, in the district asked about. */
function whoPostClaims(target: string, asked: string | undefined, cands: CandidateArticle[]): Claim[] {
  // The place asked about: a known district, or the place printed in the question ("朝阳区区长"), known or not.
  const district = asked ?? target.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))(?=[\u4e00-\u9fff])/)?.[1];
  const core = corePost(target, district);
  const claims: Claim[] = [];
  const names = new Set<string>();
  for (const cand of cands) {
    for (const f of cand.facts) {
      if (f.kind !== "person" || !f.post || !f.name || names.has(f.name)) continue;
      const at = f.post.indexOf(core);
      if (at < 0) continue;
      if (f.post[at - 1] === "副" || f.post.slice(at + core.length).startsWith("副")) continue;
      // The post's own district prefix, when printed, must be the one asked about.
      const printedDistrict = f.post.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))/)?.[1];
      if (district && printedDistrict && printedDistrict !== district && !f.post.startsWith(district)) continue;
      if (district && !printedDistrict && cand.article.district !== district) continue;
      // No place asked: each district's holder is a different answer; say whose (the post as printed, or the district).
      const label = district
        ? target
        : f.post === core && cand.article.district
          ? `${cand.article.district}${core}`
          : target;
      const text = f.post === label ? `${label}是${f.name}` : `${label}是${f.name}（原文：“${f.value}”）`;
      claims.push({
        text,
        article: cand.article,
        spans: [quoteSpan(cand.article.text, f.start, f.end, f.quoteStart, f.quoteEnd)],
      });
      names.add(f.name);
      if (district) return claims;
      break;
    }
    if (claims.length >= 3) break;
  }
  return claims;
}

/** "卫东区人大常委会主任是谁？": who holds a post. */
export const whoHoldsPost: QuestionKind = {
  name: "who_post",
  description: "who holds a post (…主任是谁)",
  roleAsk: true,
  detect(q) {
    const target = whoPostTarget(q.text);
    return target && OFFICE_WORD.test(target) ? { target } : undefined;
  },
  candidates: (q, facts) => (q.target ? facts.articlesWithPost(corePost(q.target, q.district)) : []),
  answer: (ctx) => (ctx.q.target ? whoPostClaims(ctx.q.target, ctx.district, ctx.cands) : []),
};
