/**
 * The shared vocabulary of the project. Every layer (ingest → index →
 * retrieve → answer / digest → bot) speaks in these types; none of them
 * depends on a library.
 */

/** One article as the parser finds it on a bulletin page, before storage. */
export interface ParsedArticle {
  /** Headline as printed, spaces from OCR removed; on a page printing none, made from the lead. */
  title: string;
  /** True when the page prints no headline for the article and `title` was made from its lead. */
  titleDerived?: boolean;
  /** Second headline line (副标题), when the page prints one. */
  subtitle: string | null;
  /** The district (区/县/市) the article is about, e.g. "陕州区"; null when none is named. */
  district: string | null;
  /** All districts the article names, main one first. */
  districts: string[];
  /** Event date as YYYY-MM-DD, or null when the day or the year is unknown. */
  date: string | null;
  /** The date as printed ("2月23日至25日", "近日"), or null when none is printed. */
  dateText: string | null;
  /** Reporters/photographers ("记者原文钊 通讯员王欢", "孟轩"), or null. */
  byline: string | null;
  /** Body text: paragraphs separated by "\n", column breaks joined, no byline. */
  text: string;
  /** Paragraph indexes (in `text.split("\n")`) that repeat an earlier article's paragraph. */
  repeatedParagraphs: number[];
}

/** A stored article: a parsed article plus where it came from. */
export interface Article extends ParsedArticle {
  /** Stable short id (8 hex chars), typed by users in `/article <id>`. */
  id: string;
  /** Bulletin file name, e.g. "000_dea3d436ae17c0ab.txt". */
  source: string;
  /** 0-based position of the article on its page (page order). */
  seq: number;
  /** When this article was stored, ISO 8601 UTC. */
  ingestedAt: string;
}

/** Filters accepted by `ArticleStore.list`. All are optional and combined with AND. */
export interface ArticleFilter {
  district?: string;
  /** Exact date YYYY-MM-DD. */
  date?: string;
  /** Inclusive date range YYYY-MM-DD. */
  dateFrom?: string;
  dateTo?: string;
  source?: string;
  /** Only articles stored strictly after this ISO timestamp. */
  ingestedAfter?: string;
}

/** Metadata carried by every indexed chunk (LangChain `Document.metadata`). */
export interface ChunkMetadata {
  /** Chunk id: `${articleId}:${chunkIndex}`. */
  chunkId: string;
  articleId: string;
  chunkIndex: number;
  title: string;
  district: string | null;
  date: string | null;
  source: string;
  /** Character span of the chunk in `Article.text` (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** Retrieval score (higher is better), set by retrievers. */
  score?: number;
}

/** One numbered source of an answer. */
export interface Citation {
  n: number;
  articleId: string;
  title: string;
  district: string | null;
  date: string | null;
  source: string;
  /** The exact sentence(s) of the article that support the answer. */
  quote: string;
}

/** What the answerer returns for one question. */
export interface Answer {
  question: string;
  /** Chinese answer text with [n] markers matching `citations[].n`. */
  answer: string;
  citations: Citation[];
  /** False when the news does not answer the question (then `citations` is empty). */
  found: boolean;
}

/** One line of a digest. */
export interface DigestItem {
  articleId: string;
  title: string;
  district: string | null;
  date: string | null;
  summary: string;
  source: string;
}

/** A day's (or a subscriber's) digest. */
export interface Digest {
  /** The day, YYYY-MM-DD, or null for a "since last time" subscriber digest. */
  date: string | null;
  district: string | null;
  items: DigestItem[];
}
