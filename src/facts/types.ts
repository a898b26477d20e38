/** Kinds of facts extracted from an article at ingest time. */
export type FactKind = Fact["kind"];

/**
 * What every fact has: the article, what is printed, and where. Every fact
 * keeps the span of its sentence in `Article.text` (`quoteStart`/`quoteEnd`),
 * so an answer built on it can quote the article exactly.
 */
interface FactBase {
  articleId: string;
  /** The fact as printed (see each kind). */
  value: string;
  /** Span in the article text: of `value`, or for a role fact of the subject and its verb ("区委书记李军出席会议"). */
  start: number;
  end: number;
  /** Span of the sentence that states the fact. */
  quoteStart: number;
  quoteEnd: number;
}

/** A person named in the article, with the post printed before the name. `value`: "区委副书记、区长何飞". */
export interface PersonFact extends FactBase {
  kind: "person";
  name: string;
  /** The post chain as printed before the name ("区委副书记、区长"; a bare deputy post after the head of a body is that body's: "副主任" after "县人大常委会主任…" is 县人大常委会副主任), or a list label ("区领导"), or null. */
  post: string | null;
}

/**
 * A role at the event: 出席, 参加, 主持, 列席, 陪同, 一同, 带队, 讲话, 发言, 当选, 补选, or an action
 * verb (调研, 督导, 慰问…). One fact per person of a list; `value` is the whole subject as printed
 * ("区领导何飞、孔利亚…等"). A subject without a person (各街道、区直相关单位负责人) has `name` null.
 */
export interface RoleFact extends FactBase {
  kind: "role";
  role: string;
  name: string | null;
  /** The person's post as printed, or the post someone was elected to. */
  post: string | null;
}

/** A date as printed ("7月21日上午", "12月23日至25日", "近日"). */
export interface DateFact extends FactBase {
  kind: "date";
}

/** A place where something happened or that was visited ("县人大常委会机关五楼会议室", "竹园南路"). */
export interface PlaceFact extends FactBase {
  kind: "place";
}

/** A counted quantity as printed, with its value and unit ("16个" → 16, "个"; "53.59亿元" → 5359000000, "元"). */
export interface QuantityFact extends FactBase {
  kind: "quantity";
  /** The value (see `parseNumber`), units 万/亿 applied. */
  amount: number;
  /** The measure word or unit printed after the number ("个", "名", "元", "%"), or "". */
  unit: string;
}

/** One fact found in an article: a discriminated union on `kind`. */
export type Fact = PersonFact | RoleFact | DateFact | PlaceFact | QuantityFact;

/** The name a fact is about, when it is about a person. */
export function factName(f: Fact): string | null {
  return f.kind === "person" || f.kind === "role" ? f.name : null;
}
