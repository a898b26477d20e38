import cliProgress from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { runIngest } from "../../app/ingest.js";
import { loadConfig } from "../../config/env.js";
import { canonicalDistrict } from "../../ingest/district.js";
import { DEFAULT_MAX_FILE_BYTES, type FileOutcome } from "../../ingest/ingest-paths.js";
import { ArticleStore } from "../../store/articles.js";
import { openDb } from "../../store/db.js";

interface IngestCliOptions {
  date?: string;
  district?: string;
  prune?: boolean;
  rebuild?: boolean;
  maxSize: number;
  json?: boolean;
}

/** Commander parser for `--date`: a real calendar day YYYY-MM-DD. */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new InvalidArgumentError(`"${value}" is not a date YYYY-MM-DD, e.g. 2024-11-12.`);
  }
  return value.trim();
}

/** Commander parser for `--district`: a county-level name ("台前县", or "台前"), made official. */
export function parseDistrict(value: string): string {
  const known = canonicalDistrict(value);
  if (!known) {
    throw new InvalidArgumentError(`"${value}" is not a known district or county name, e.g. 台前县 or 管城回族区.`);
  }
  return known;
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`"${value}" is not a positive number of megabytes.`);
  return n;
}

function outcomeLine(o: FileOutcome): string {
  const what =
    o.status === "skipped" ? (o.reason ?? "") : `${o.articles} articles${o.encoding ? ` (${o.encoding})` : ""}`;
  return `  ${o.status.padEnd(9)} ${o.source.padEnd(32)} ${what}${o.warning ? `  (${o.warning})` : ""}`;
}

/**
 * `ingest [paths…] [--date D] [--prune] [--rebuild]`: the whole ingest
 * pipeline (`runIngest`: files → articles → facts → search index), with a
 * progress bar when stderr is a terminal and a summary at the end. The exit
 * code is non-zero only when nothing could be ingested.
 */
export function ingestCommand(): Command {
  return new Command("ingest")
    .description("Read bulletin .txt files (folders recursively) into the store, then sync facts and the search index")
    .argument("[paths...]", "files or folders to read (default: BULLETINS_DIR, data/bulletins)")
    .option(
      "--date <YYYY-MM-DD>",
      "issue date of the bulletins: gives the year of dates printed without one",
      parseIsoDate,
    )
    .option(
      "--district <name>",
      "district of the articles that name none (a county paper); beats sources.json and the folder name",
      parseDistrict,
    )
    .option("--prune", "drop stored articles whose file is gone from disk")
    .option("--rebuild", "re-parse unchanged files too and rebuild the search index from scratch")
    .option(
      "--max-size <MB>",
      "skip files larger than this many megabytes",
      parseMegabytes,
      DEFAULT_MAX_FILE_BYTES / 1024 / 1024,
    )
    .option("--json", "print the summary as JSON instead of text")
    .addHelpText(
      "after",
      "\nExamples:\n  npm run -s cli -- ingest\n  npm run -s cli -- ingest data/bulletins/004_bb5894ed695f9a47.txt --date 2020-03-30\n  npm run -s cli -- ingest pages/ --district 台前县\n  npm run -s cli -- ingest --prune",
    )
    .action(async (paths: string[], opts: IngestCliOptions) => {
      const config = loadConfig();
      const targets = paths.length ? paths : [config.bulletinsDir];
      const db = openDb(config.indexDir);
      const tty = process.stderr.isTTY === true && !opts.json;
      const bars = tty
        ? new cliProgress.MultiBar(
            {
              stream: process.stderr,
              format: " {what} |{bar}| {value}/{total} {item}",
              hideCursor: true,
              clearOnComplete: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let fileBar: cliProgress.SingleBar | undefined;
      let chunkBar: cliProgress.SingleBar | undefined;
      try {
        const store = new ArticleStore(db);
        const result = await runIngest(targets, store, config, {
          ...(opts.date ? { issueDate: opts.date } : {}),
          ...(opts.district ? { district: opts.district } : {}),
          prune: opts.prune,
          rebuild: opts.rebuild,
          maxFileBytes: Math.round(opts.maxSize * 1024 * 1024),
          onProgress: (done, total, file) => {
            fileBar ??= bars?.create(total, 0, { what: "files ", item: "" });
            fileBar?.update(done, { item: file });
          },
          onLockWait: (owner) => {
            const who = owner ? `process ${owner.pid}, since ${owner.since}` : "another process";
            process.stderr.write(`Another ingest (${who}) is writing the index: waiting for it to finish…\n`);
          },
          onIndexProgress: (done, total) => {
            chunkBar ??= bars?.create(total, 0, { what: "chunks", item: "" });
            chunkBar?.setTotal(total);
            chunkBar?.update(done, { item: "" });
          },
        });
        bars?.stop();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } else {
          const skippedCount = result.files.filter((f) => f.status === "skipped").length;
          const lines = [
            `Ingest of ${targets.join(", ")}: ${result.filesRead} files read, ${result.articlesFound} articles found, ${skippedCount} skipped.`,
            ...result.files.map(outcomeLine),
            `Index: ${result.index.articlesAdded} articles added, ${result.index.articlesRemoved} removed, ${result.index.chunksAdded} chunks embedded.`,
            `Facts: ${result.facts.added} added, ${result.facts.removed} removed.`,
          ];
          process.stdout.write(`${lines.join("\n")}\n`);
        }
        if (result.filesRead === 0) {
          process.stderr.write("Nothing could be ingested: see the reasons above.\n");
          process.exitCode = 1;
        }
      } finally {
        bars?.stop();
        db.close();
      }
    });
}
