/**
 * Dates and times as news text prints them ("2022年1月28日", "12月23日至25日", "7月2日下午", "近日")
 * and as questions ask for them ("哪天", "几号", "什么时候"): one set of patterns for facts and answers.
 */

/** A printed date (source of a regular expression, no flags). */
export const DATE_SOURCE = String.raw`(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到\-—~～](?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚|早上)?|\d{4}年\d{1,2}月(?:份)?|\d{4}年(?:年底|年初|上半年|下半年)?|近日|日前`;

/** A date in a sentence, the way a when-answer needs one (a lone year is no date of an event). */
export const DATE_IN =
  /(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|自\d{1,2}月|\d{1,2}日(?:上午|下午|晚)?(?=[在,，])|近日|日前/;

/** Question words that ask when. */
export const ASKS_WHEN =
  /哪天|哪一天|哪几天|哪两天|什么时候|何时|什么时间|哪年|哪一年|几月几[日号]|几号|哪个月|日期|时间是|哪日/;

/** The years a text prints ("2020年" → "2020"). */
export function yearsIn(text: string): string[] {
  return [...text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1] ?? "");
}
