import type { Claim } from "../citations.js";
import type { CandidateArticle, ScoredSentence } from "../extractive.js";
import type { QuestionAnalysis, QuestionBase } from "../question.js";

/** What a kind found when it claims a question: its fields of the analysis. */
export interface Detected {
  roles?: string[];
  target?: string;
  verb?: string;
}

/** The fact look-ups a kind may use to add candidate articles (the answerer passes its FactStore). */
export interface FactLookup {
  /** Ids of articles printing a person with a post containing `post`. */
  articlesWithPost(post: string): string[];
  /** Ids of articles naming the person `name`. */
  articlesWithName(name: string): string[];
}

/** Everything a kind's `answer` reads: the question, the candidate articles and how well each matches. */
export interface AnswerContext {
  q: QuestionAnalysis;
  /** The district asked about (the question's, or the caller's filter). */
  district?: string;
  /** Candidate articles, in retrieval order. */
  cands: CandidateArticle[];
  /** Question units → weight (rare units weigh more). */
  weights: Map<string, number>;
  /** Article id → relevance (0 when the article lacks the question's content). */
  relevance: Map<string, number>;
  /** Every sentence of the candidates, best first (computed once, on first use). */
  scored(): ScoredSentence[];
  /** The candidates most relevant first. */
  ranked(): CandidateArticle[];
  /**
   * Answers the question as another kind would, optionally changed, over fewer candidates, and
   * `without` the question's units inside that text (the value a yes/no question states is what is
   * checked, not what must match: "是在县体育馆举行的吗"). Yes/no and two-part questions use it.
   */
  answerAs(kind: string, q?: Partial<QuestionAnalysis>, cands?: CandidateArticle[], without?: string): Claim[];
}

/**
 * One kind of question (who attended, when, how many, yes/no …): how to recognize it, which
 * articles it adds to the candidates, and how to answer it from them. Kinds are listed once, in
 * priority order, in `src/answer/kinds/index.ts`; the first whose `detect` claims a question
 * answers it.
 */
export interface QuestionKind {
  /** Unique name, stored in `QuestionAnalysis.kind`. */
  name: string;
  /** One line for docs and logs: what the kind answers. */
  description: string;
  /** The kind's fields when the question is of this kind, else undefined. Pure. */
  detect(q: QuestionBase): Detected | undefined;
  /** Role words ("出席", "领导") say what is asked, not what about: left out of topic matching. */
  roleAsk?: boolean;
  /**
   * Question units that say what is asked of the event, not which event ("哪天开幕": 开幕, printed
   * "2月22日至24日，…召开"): left out of topic matching.
   */
  askWords?: RegExp;
  /**
   * Values the question states to be checked, not matched ("…是逯海平主持的吗": 逯海平): their units are
   * left out of the weights, so that the article asked about is found by the rest of the question
   * whether or not it prints the value.
   */
  stated?(q: QuestionAnalysis): string[];
  /** Extra candidate article ids (facts that match a post or a name). */
  candidates?(q: QuestionAnalysis, facts: FactLookup): string[];
  /** The claims that answer the question (empty: the news does not say). */
  answer(ctx: AnswerContext): Claim[];
}
