import type { Claim } from "../citations.js";
import type { QuestionKind } from "./kind.js";

/** A question about who wrote or photographed a report ("那篇报道的记者是谁", "稿子是谁写的"). */
const ASKS_BYLINE =
  /(?:记者|通讯员|作者|撰稿|摄影|供稿)(?:和[^？?]{0,6})?(?:分别)?(?:是谁|有谁|叫什么|是哪位)|谁写的|谁撰写|谁供稿|谁拍的/;

/** A credit printed in the body: "(记者 李文明 通讯员 申娟)", "记者孙建华报道". */
const CREDIT_IN_TEXT =
  /[（(]([^（）()]{0,40}(?:记者|通讯员)[^（）()]{1,40})[)）]|((?:记者|通讯员)\s?[\u4e00-\u9fff]{2,4}(?:\s[\u4e00-\u9fff]{2,4})*)报道/;

/**
 * "…那篇报道的记者是谁？": the credit of the article asked about, as printed: its byline (stored apart
 * from the body, quoted as such), or a credit inside the body ("中国早报河南讯(通讯员 靳立伟)").
 */
export const byline: QuestionKind = {
  name: "byline",
  description: "who wrote or photographed the report (记者, 通讯员, 作者)",
  roleAsk: true,
  detect: (q) => (ASKS_BYLINE.test(q.text) ? {} : undefined),
  answer(ctx): Claim[] {
    const top = ctx.ranked()[0];
    if (!top || (ctx.relevance.get(top.article.id) ?? 0) === 0) return [];
    const a = top.article;
    if (a.byline) return [{ text: `这篇报道的署名是“${a.byline}”`, article: a, spans: [], quoteText: a.byline }];
    const m = a.text.match(CREDIT_IN_TEXT);
    const credit = m?.[1] ?? m?.[2];
    if (!m || !credit) return [];
    const at = (m.index ?? 0) + m[0].indexOf(credit);
    return [{ text: `这篇报道的署名是“${credit}”`, article: a, spans: [{ start: at, end: at + credit.length }] }];
  },
};
