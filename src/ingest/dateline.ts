/**
 * The dateline that opens many articles: "本报讯（记者原文钊 通讯员王欢）",
 * "本报(记者王孟鹤)", "本报讯 ", "本报3月5日讯", and the ones of news sites
 * and agencies: "映象网讯(记者 李文明)", "云上通城讯 记者孙建华报道:",
 * "今日竹山网消息 ", "新华社北京3月5日电". It is taken out of the body
 * text; the reporters go to the byline.
 */

/** A source name before 讯/消息/电: a few characters, no punctuation. */
const SOURCE = "[\\u4e00-\\u9fffA-Za-z]{0,14}?";
const BRACKET = "[（(]([^（）()]{1,60})[）)]";

/**
 * A paragraph that opens with a dateline (also used to cut blocks: every
 * dateline starts an article). 讯 and 消息 must be followed by a space, a
 * bracket, a digit or a colon ("通讯员" is no dateline), except after a media
 * outlet's name ("融媒体中心讯国务院…", where closing up OCR letter-spacing took
 * the space); 电 needs a date before it.
 */
export const DATELINE_START = new RegExp(
  `^(?:本报(?:\\d{1,2}月\\d{1,2}日)?讯|本报\\s*[（(]|${SOURCE}(?:网|报|台|社|融媒|中心|新闻)[\\u4e00-\\u9fff]{0,4}?(?:讯|消息)(?=[\\s（(\\d:：]|$)|${SOURCE}(?:融媒体中心|新闻中心|网|电视台|报社)讯(?![员息])|${SOURCE}讯\\s*[（(]|${SOURCE}讯(?=\\s*(?:本报)?(?:记者|通讯员))|${SOURCE}\\d{1,2}月\\d{1,2}日电)`,
);

const DATELINE = new RegExp(
  `^(?:本报(?:(\\d{1,2}月\\d{1,2}日)?讯\\s*(?:${BRACKET})?|\\s*${BRACKET})|${SOURCE}(?:(\\d{1,2}月\\d{1,2}日)电|(?:讯|消息))\\s*(?:${BRACKET})?)\\s*(?:(?:本报)?记者\\s*([\\u4e00-\\u9fff]{2,4}(?:[\\s、][\\u4e00-\\u9fff]{2,4}){0,3})\\s*报道)?[\\s:：，,]*`,
);

/** A paragraph without its dateline, and what the dateline said. */
export interface DatelineSplit {
  rest: string;
  /** Reporters named in it ("记者原文钊 通讯员王欢"), or null. */
  byline: string | null;
  /** A date printed in it ("3月5日"), or null. */
  dateText: string | null;
}

/** Splits the dateline off the first paragraph of an article (no-op when it has none). */
export function splitDateline(para: string): DatelineSplit {
  if (!DATELINE_START.test(para)) return { rest: para, byline: null, dateText: null };
  const m = DATELINE.exec(para);
  if (!m) return { rest: para, byline: null, dateText: null };
  const names = (m[2] ?? m[3] ?? m[5] ?? (m[6] ? `记者 ${m[6]}` : "")).trim();
  return { rest: para.slice(m[0].length).trim(), byline: names || null, dateText: m[1] ?? m[4] ?? null };
}
