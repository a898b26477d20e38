import type { ArticleStore } from "../store/articles.js";

/** Options of `ingestPaths`. */
export interface IngestOptions {
  /** Issue date YYYY-MM-DD used to infer missing years. */
  issueDate?: string;
  /** Drop stored files that no longer exist on disk. */
  prune?: boolean;
  /** Called after each file. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

/** What happened to one file. */
export interface FileOutcome {
  path: string;
  source: string;
  status: "added" | "updated" | "unchanged" | "skipped" | "pruned";
  articles: number;
  /** Why a file was skipped, in words a user can act on. */
  reason?: string;
}

/** Summary of one ingest run. */
export interface IngestSummary {
  files: FileOutcome[];
  filesRead: number;
  articlesFound: number;
}

/** PLACEHOLDER (ingestion issue): reads bulletin files into the store. */
export async function ingestPaths(
  _paths: string[],
  _store: ArticleStore,
  _opts: IngestOptions = {},
): Promise<IngestSummary> {
  throw new Error("ingestPaths is not implemented yet");
}
