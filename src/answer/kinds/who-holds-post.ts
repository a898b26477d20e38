import { districtForms } from "../../core/zh/districts.js";
import { OFFICE_WORD, POST_TIME_PREFIX, postForms } from "../../core/zh/posts.js";
import { type Claim, quoteSpan } from "../citations.js";
import { type CandidateArticle, MIN_COVERAGE } from "../extractive.js";
import { coverage } from "../units.js";
import type { AnswerContext, QuestionKind } from "./kind.js";

/** What may stand before a body's office printed on its own: nothing, or a place ("区"). */
const OWN_OFFICE_PREFIX = /^(?:[\u4e00-\u9fff]{0,4}?[区县市])?$/;

/** "卫东区人大常委会主任是谁", "谁是…", "…由谁担任", "谁担任…": what stands where the post is asked. */
export function whoPostTarget(text: string): string | undefined {
  const m =
    text.match(/^(.+?)(?:是谁|叫什么|是哪一?位|是什么人|姓名|的名字)/) ??
    text.match(/^谁是(.+?)[？?]?$/) ??
    text.match(/^(.+?)由谁担任/) ??
    text.match(/^谁(?:担任|出任|任)了?(.+?)(?:一职|职务)?[？?]?$/);
  // "2023年…闭幕时,宝丰县县长", "和冯立平一起…调研的市规划局局长": the post is the last phrase; what comes
  // before it tells the article (it stays in the question's content).
  const phrase = m?.[1]?.split(/[，,]|时(?=[\u4e00-\u9fff])|的(?=[\u4e00-\u9fff]{2,})/).pop();
  // "2023年2月宝丰县县长": the date says when, the post is what follows it.
  // "西峡县现任县长": a time word after the district is no part of the post either.
  return phrase
    ?.replace(POST_TIME_PREFIX, "")
    .replace(DATE_PREFIX, "")
    .replace(POST_TIME_PREFIX, "")
    .replace(/(?<=[区县市])(?:现任|目前的|现在的|当时的)/, "");
}

/** A date leading the post asked ("2023年2月", "2022年1月12日时"): when, not part of the post. */
const DATE_PREFIX = /^(?:(?:19|20)\d{2}年)?(?:\d{1,2}月份?)?(?:\d{1,2}日)?(?:时|的)?/;

/** "卫东区人大常委会主任" → "人大常委会主任": the post without the district that names it. */
export function corePost(target: string, district: string | undefined): string {
  const t = target.replace(POST_TIME_PREFIX, "");
  for (const form of district ? districtForms(district) : []) {
    // "孟州市长": 市 belongs to the post (市长), not to the place: an office needs two characters.
    if (t.startsWith(form) && t.length - form.length >= 2) return keepLevel(form, t.slice(form.length));
  }
  const m = t.match(/^[\u4e00-\u9fff]{1,3}(区|县|市)(?=[\u4e00-\u9fff]{3,})/);
  if (m) return keepLevel(m[0], t.slice(m[0].length));
  return t.replace(/^(?:区|县|市)(?=.{3,})/, "");
}

/** "固始县" + "委书记" → "县委书记": the 县/区/市 of a party committee (县委) belongs to the post. */
function keepLevel(place: string, rest: string): string {
  return rest.startsWith("委") ? `${place.slice(-1)}${rest}` : rest;
}

/**
 * "区人大常委会主任" in an article of 新蔡县 that names one 区, 驿城区: a post printed with its level only
 * (区/县/市) is of the one district of that level the article names.
 */
function onlyOfLevel(districts: readonly string[], post: string, asked: string): boolean {
  const level = post[0];
  if (!level || !"区县市".includes(level) || !asked.endsWith(level)) return false;
  const same = districts.filter((d) => d.endsWith(level));
  return same.length === 1 && same[0] === asked;
}

/**
 * "市政协主席王五" in a 西平县 article titled "驻马店市政协主席…到西平县调研": a post printed with a level
 * (市) above the article's own county is of the place of that level the article names, the one asked.
 */
function levelAbove(article: CandidateArticle["article"], post: string, asked: string): boolean {
  const level = post[0];
  if (!level || !"区县市".includes(level) || !asked.endsWith(level)) return false;
  if (!article.district || article.district.endsWith(level)) return false;
  return districtForms(asked).some((f) => f.length >= 2 && (article.title.includes(f) || article.text.includes(f)));
}

/**
 * Whether an article that stores and names no county at all ("我县", "市委…") is the event the question
 * describes around the post ("受韩振宇委托主持…常委会的县长"): it holds ≥ MIN_COVERAGE of the question's
 * words other than the post and the district, and there are three or more such words (a bare "沛县县委书记是谁" has none).
 */
function eventMatched(
  ctx: AnswerContext,
  target: string,
  district: string | undefined,
): (c: CandidateArticle) => boolean {
  const forms = district ? districtForms(district) : [];
  const rest = new Map(
    [...ctx.weights].filter(
      ([u]) => !target.includes(u) && !forms.some((f) => f.includes(u) || u.includes(f)) && !/^\d{4}年?$/.test(u),
    ),
  );
  return (c) =>
    rest.size >= 3 &&
    !c.article.district &&
    c.article.districts.length === 0 &&
    coverage(rest, c.article.title, c.article.text) >= MIN_COVERAGE;
}

/** who_post: the person printed with the post asked about, in the district asked about. */
function whoPostClaims(
  target: string,
  asked: string | undefined,
  cands: CandidateArticle[],
  described: (c: CandidateArticle) => boolean = () => false,
): Claim[] {
  // The place asked about: a known district, or the place printed in the question ("朝阳区区长"), known or not.
  const district = asked ?? target.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))(?=[\u4e00-\u9fff]{2})/)?.[1];
  // A town or street asked about ("戴庙镇镇长"): the article must name it; the post is what follows.
  const town = target.match(/^([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道|办事处))(?=[\u4e00-\u9fff]{2,})/)?.[1];
  const core = town ? target.slice(town.length) : corePost(target, district);
  const forms = postForms(core);
  /** The article is of the district asked: stored so, or storing none and naming it (title or text). */
  const ofDistrict = (c: CandidateArticle, post: string) =>
    !district ||
    c.article.district === district ||
    (!c.article.district &&
      districtForms(district).some((f) => c.article.title.includes(f) || c.article.text.includes(f))) ||
    onlyOfLevel(c.article.districts, post, district) ||
    levelAbove(c.article, post, district) ||
    described(c);
  const claims: Claim[] = [];
  const names = new Set<string>();
  for (const cand of cands) {
    for (const f of cand.facts) {
      if (f.kind !== "person" || !f.post || !f.name || names.has(f.name)) continue;
      // The post as asked or in another printed form ("县委组织部部长" as "县委常委、组织部部长").
      const form = forms.find(
        (p) =>
          f.post?.includes(p.form) &&
          (!p.committee || f.post.includes(p.committee)) &&
          // The office of a body ("指挥长" of 防汛指挥部): printed on its own, at most after a place — never after
          // another body ("区法院院长", "区人大常委会主任" is no 监察委员会主任).
          (!p.org ||
            ((cand.article.text.includes(p.org) || cand.article.title.includes(p.org)) &&
              OWN_OFFICE_PREFIX.test(f.post.slice(0, f.post.indexOf(p.form))))),
      );
      if (!form) continue;
      const at = f.post.indexOf(form.form);
      if (f.post[at - 1] === "副" || f.post.slice(at + form.form.length).startsWith("副")) continue;
      // The post's own district prefix, when printed, must be the one asked about.
      const printedDistrict = f.post.match(/^([\u4e00-\u9fff]{2,3}?(?:区|县|市))/)?.[1];
      if (district && printedDistrict && printedDistrict !== district && !f.post.startsWith(district)) continue;
      if (district && !printedDistrict && !ofDistrict(cand, f.post)) continue;
      if (town && !cand.article.text.includes(town) && !cand.article.title.includes(town)) continue;
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
      // A deputy post ("副县长") has several holders: each one printed; any other post has one.
      if (district && !core.includes("副")) return claims;
      if (district && claims.length >= 6) return claims;
      if (!district) break;
    }
    // The deputies of the most relevant article that prints any: another article may be of another year.
    if (claims.length >= 3 || (district && claims.length > 0)) break;
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
  candidates: (q, facts) =>
    q.target ? postForms(corePost(q.target, q.district)).flatMap((p) => facts.articlesWithPost(p.form)) : [],
  // Most relevant article first: the words around the post ("…闭幕时", "和冯立平一起调研的") pick the event.
  answer: (ctx) =>
    ctx.q.target
      ? whoPostClaims(ctx.q.target, ctx.district, ctx.ranked(), eventMatched(ctx, ctx.q.target, ctx.district))
      : [],
};
