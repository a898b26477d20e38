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
 * layer reads questions only through this function. It accepts the analysis
 * with an `intent` (before the question-kind registry) or a `kind` (after it),
 * so that the answer layer's refactor needs no change here.
 */
export function readAsked(question: string, districts: readonly string[]): AskedQuestion {
  const a = analyzeQuestion(question, districts) as unknown as {
    kind?: string;
    intent?: string;
    district?: string;
    target?: string;
    content: string;
  };
  return { kind: a.kind ?? a.intent ?? "generic", district: a.district, target: a.target, content: a.content };
}
