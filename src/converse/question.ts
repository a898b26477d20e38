import { analyzeQuestion } from "../answer/analyze.js";

/** What the conversation layer needs to know of a question: its kind, the district and person it names, its content. */
export interface AskedQuestion {
  /** The answer layer's kind of the question ("preside", "when", "post_of", "generic", …). */
  kind: string;
  district?: string;
  /** post_of: the person asked about; who_post: the post. */
  target?: string;
  /** The content words of the question (question words removed). */
  content: string;
}

/**
 * The one seam to the answer layer's question analysis: the conversation
 * layer reads questions only through this function.
 */
export function readAsked(question: string, districts: readonly string[]): AskedQuestion {
  const a = analyzeQuestion(question, districts);
  return { kind: a.kind, district: a.district, target: a.target, content: a.content };
}
