import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Article, ParsedArticle } from "../core/types.js";
import type { ArticleStore, FileRecord } from "../store/articles.js";
import { explainDbError } from "../store/db.js";
import { articleId } from "./article-id.js";
import { decodeBytes } from "./decode.js";
import { parsePage } from "./parse-page.js";
import { readRegularFile } from "./read-file.js";
import { sourceDefaults } from "./source-defaults.js";

/** Default largest file read (bytes): a bulletin page is tens of KB; a whole issue a few MB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Options of `ingestPaths`. */
export interface IngestOptions {
  /** Issue date YYYY-MM-DD used to infer missing years (beats `sources.json` and file names). */
  issueDate?: string;
  /** District of articles that name none (beats `sources.json` and the folder name). */
  district?: string;
  /** Drop stored files that no longer exist on disk. */
  prune?: boolean;
  /** Re-parse files even when their bytes did not change (after a parser upgrade). */
  rebuild?: boolean;
  /** Files larger than this many bytes are skipped (default `DEFAULT_MAX_FILE_BYTES`). */
  maxFileBytes?: number;
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
  /** Encoding the file was decoded from ("utf-8", "gb18030"), when it was read. */
  encoding?: string;
  /** Something about the file's defaults (`sources.json`) that was ignored, and why. */
  warning?: string;
}

/** Summary of one ingest run. */
export interface IngestSummary {
  files: FileOutcome[];
  /** Files whose articles are in the store after the run (added, updated or unchanged). */
  filesRead: number;
  /** Articles of those files. */
  articlesFound: number;
}

function skipped(p: string, reason: string): FileOutcome {
  return { path: p, source: path.basename(p), status: "skipped", articles: 0, reason };
}

async function collect(p: string, out: string[], skips: FileOutcome[]): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(p, { withFileTypes: true });
  } catch (err) {
    skips.push(skipped(p, `无法读取文件夹：${(err as Error).message}`));
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".") || e.name === "sources.json") continue; // sources.json: the folder's defaults
    const full = path.join(p, e.name);
    if (e.isDirectory()) await collect(full, out, skips);
    else if (/\.txt$/i.test(e.name)) out.push(full);
    else if (e.isFile()) skips.push(skipped(full, "不是 .txt 文本文件，已忽略"));
  }
}

/** Files named by `paths` (folders walked recursively, `.txt` only), plus outcomes for paths that cannot be used. */
async function listFiles(paths: string[]): Promise<{ files: string[]; skips: FileOutcome[] }> {
  const files: string[] = [];
  const skips: FileOutcome[] = [];
  for (const given of paths) {
    const abs = path.resolve(given);
    let st: import("node:fs").Stats;
    try {
      st = await fs.stat(abs);
    } catch {
      skips.push(skipped(abs, `路径不存在：${given}`));
      continue;
    }
    if (st.isDirectory()) await collect(abs, files, skips);
    else if (!st.isFile()) skips.push(skipped(abs, "不是普通文件"));
    else if (!/\.txt$/i.test(abs)) skips.push(skipped(abs, "不是 .txt 文本文件：请把公报另存为 .txt 后导入"));
    else files.push(abs);
  }
  return { files: [...new Set(files)], skips };
}

function sameArticle(a: Article, b: Article): boolean {
  return (
    a.id === b.id &&
    a.seq === b.seq &&
    a.title === b.title &&
    (a.titleDerived ?? false) === (b.titleDerived ?? false) &&
    a.subtitle === b.subtitle &&
    a.district === b.district &&
    JSON.stringify(a.districts) === JSON.stringify(b.districts) &&
    a.date === b.date &&
    a.dateText === b.dateText &&
    a.byline === b.byline &&
    a.text === b.text &&
    JSON.stringify(a.repeatedParagraphs) === JSON.stringify(b.repeatedParagraphs)
  );
}

async function ingestFile(
  abs: string,
  store: ArticleStore,
  opts: IngestOptions,
  seen: Map<string, string>,
  now: Date,
): Promise<FileOutcome> {
  const source = path.basename(abs);
  const other = seen.get(source);
  if (other && other !== abs) return skipped(abs, `与 ${other} 同名：文件名就是文章来源，请改名后再导入`);
  seen.set(source, abs);

  // Regular files only, read with a byte cap: a FIFO or a link to /dev/zero is skipped, never read.
  const read = await readRegularFile(abs, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) return skipped(abs, read.reason);
  const bytes = read.bytes;
  const hash = createHash("sha256").update(bytes).digest("hex");
  const prev = store.getFile(source);
  if (prev && prev.path !== abs && prev.hash !== hash && existsSync(prev.path)) {
    return skipped(abs, `已导入过另一个同名文件（${prev.path}）：请改名后再导入`);
  }
  if (prev && prev.hash === hash && !opts.rebuild && !opts.issueDate && !opts.district) {
    return { path: abs, source, status: "unchanged", articles: prev.articleCount, encoding: prev.encoding };
  }

  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return skipped(abs, decoded.reason);
  const defaults = sourceDefaults(abs);
  const issueDate = opts.issueDate ?? defaults.issueDate;
  const district = opts.district ?? defaults.district;
  const parsed: ParsedArticle[] = parsePage(decoded.text, {
    source,
    now,
    ...(issueDate ? { issueDate } : {}),
    ...(district ? { district } : {}),
  });
  const warning = defaults.warning ? { warning: defaults.warning } : {};
  if (parsed.length === 0) return skipped(abs, "没有找到文章：文件里没有可识别的标题或正文");

  const old = new Map(store.list({ source }).map((a) => [a.id, a]));
  const used = new Set<string>();
  const ingestedAt = now.toISOString();
  const articles: Article[] = parsed.map((a, seq) => {
    const id = articleId(source, seq, a.title, (candidate) => {
      if (used.has(candidate)) return true;
      const stored = old.has(candidate) ? undefined : store.get(candidate);
      return stored !== undefined && stored.source !== source;
    });
    used.add(id);
    const article: Article = { ...a, id, source, seq, ingestedAt };
    const before = old.get(id);
    // An article that did not change keeps its first ingest time (digests send "what is new").
    return before && sameArticle(before, article) ? { ...article, ingestedAt: before.ingestedAt } : article;
  });
  const encoding = decoded.encoding;
  if (
    prev &&
    prev.hash === hash &&
    articles.length === old.size &&
    articles.every((a) => {
      const b = old.get(a.id);
      return b !== undefined && sameArticle(a, b);
    })
  ) {
    return { path: abs, source, status: "unchanged", articles: articles.length, encoding, ...warning };
  }
  const record: FileRecord = {
    source,
    path: abs,
    hash,
    size: read.size,
    encoding,
    articleCount: articles.length,
    ingestedAt,
  };
  store.putFile(record, articles);
  return { path: abs, source, status: prev ? "updated" : "added", articles: articles.length, encoding, ...warning };
}

/**
 * Reads bulletin files into the store: `.txt` files (folders walked
 * recursively) are decoded (UTF-8, or GBK/GB18030/Big5 detected), parsed
 * into articles (`parsePage`) and stored per file, atomically
 * (`ArticleStore.putFile`). A file whose bytes did not change is skipped;
 * `prune` drops stored files that are gone from disk. One bad file (empty,
 * binary, undecodable, too big, missing) never stops the run: it gets a
 * `skipped` outcome with a reason a user can act on.
 */
export async function ingestPaths(
  paths: string[],
  store: ArticleStore,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const now = opts.now ?? (() => new Date());
  const { files: targets, skips } = await listFiles(paths);
  const outcomes: FileOutcome[] = [...skips];
  const seen = new Map<string, string>();
  let done = 0;
  for (const abs of targets) {
    let outcome: FileOutcome;
    try {
      outcome = await ingestFile(abs, store, opts, seen, now());
    } catch (err) {
      // The store failing (full disk, read-only, damaged news.db) is not this file's fault: stop, naming the database.
      if (/^SQLITE_/.test(String((err as { code?: unknown }).code))) throw explainDbError(err, store.db.name);
      outcome = skipped(abs, `读取失败：${(err as Error).message}`);
    }
    outcomes.push(outcome);
    opts.onProgress?.(++done, targets.length, outcome.source);
  }
  if (opts.prune) {
    for (const rec of store.listFiles()) {
      if (existsSync(rec.path)) continue;
      store.removeFile(rec.source);
      outcomes.push({ path: rec.path, source: rec.source, status: "pruned", articles: rec.articleCount });
    }
  }
  const kept = outcomes.filter((o) => o.status === "added" || o.status === "updated" || o.status === "unchanged");
  return { files: outcomes, filesRead: kept.length, articlesFound: kept.reduce((n, o) => n + o.articles, 0) };
}
