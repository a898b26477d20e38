/**
 * The dateline that opens many articles: "本报讯（记者原文钊 通讯员王欢）",
 * "本报(记者王孟鹤)", "本报讯 ", "本报3月5日讯". It is taken out of the body
 * text; the reporters go to the byline.
 */

const DATELINE =
  /^本报(?:(\d{1,2}月\d{1,2}日)?讯\s*(?:[（(]([^（）()]{1,60})[）)])?|\s*[（(]([^（）()]{1,60})[）)])[\s:：，,]*/;

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
  const m = DATELINE.exec(para);
  if (!m) return { rest: para, byline: null, dateText: null };
  const names = (m[2] ?? m[3] ?? "").trim();
  return { rest: para.slice(m[0].length).trim(), byline: names || null, dateText: m[1] ?? null };
}
