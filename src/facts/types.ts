/** Kinds of facts extracted from an article at ingest time. */
export type FactKind = "person" | "role" | "date" | "place";

/**
 * One fact found in an article, with where it is printed. Every fact keeps
 * the span of its sentence in `Article.text` (`quoteStart`/`quoteEnd`), so
 * an answer built on it can quote the article exactly.
 */
export interface Fact {
  articleId: string;
  kind: FactKind;
  /** Person name (person and role facts with a named person), else null. */
  name: string | null;
  /** The person's post as printed before the name ("区委副书记、区长"), or a list label ("区领导"). */
  post: string | null;
  /** Role at the event: 出席, 参加, 主持, 列席, 陪同, 一同, 带队, 讲话, 发言, 当选, 补选, or an action verb (调研, 督导, 慰问…). */
  role: string | null;
  /**
   * person: the mention as printed ("区委书记李军"); role: the whole subject
   * as printed ("区领导何飞、孔利亚…等"); date: the date as printed; place: the place.
   */
  value: string;
  /** Span in the article text: of `value`, or for a role fact of the subject and its verb ("区委书记李军出席会议"). */
  start: number;
  end: number;
  /** Span of the sentence that states the fact. */
  quoteStart: number;
  quoteEnd: number;
}
