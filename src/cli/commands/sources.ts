import { Command } from "commander";
import { withStore } from "../with-store.js";

/** One row of `sources --json`. */
export interface SourceRow {
  district: string | null;
  articles: number;
  first: string | null;
  last: string | null;
}

/** Plain-text table of what the index holds: per district its article count and date range, then totals. */
export function formatSources(rows: SourceRow[], files: number): string {
  const total = rows.reduce((s, r) => s + r.articles, 0);
  if (total === 0) return "The index is empty: run `npm run -s cli -- ingest` first.";
  const width = Math.max(...rows.map((r) => (r.district ?? "(none)").length), 4);
  const lines = rows.map(
    (r) =>
      `${(r.district ?? "(none)").padEnd(width, "　")}  ${String(r.articles).padStart(4)}  ${r.first ?? "?"} … ${r.last ?? "?"}`,
  );
  const firsts = rows
    .map((r) => r.first)
    .filter((d): d is string => !!d)
    .sort();
  const lasts = rows
    .map((r) => r.last)
    .filter((d): d is string => !!d)
    .sort();
  lines.push(`total: ${total} articles from ${files} files, ${firsts[0] ?? "?"} … ${lasts.at(-1) ?? "?"}`);
  return lines.join("\n");
}

/**
 * `sources [--json]`: the districts, article counts and date ranges in the
 * index (what the bot's /sources shows), read from INDEX_DIR/news.db.
 */
export function sourcesCommand(): Command {
  return new Command("sources")
    .description("List districts with article counts and date ranges in the index")
    .option("--json", "print JSON: [{district, articles, first, last}]")
    .action(async (opts: { json?: boolean }) => {
      await withStore((store) => {
        const rows: SourceRow[] = store
          .districts()
          .map((d) => ({ district: d.district || null, articles: d.count, first: d.first, last: d.last }));
        process.stdout.write(
          opts.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatSources(rows, store.listFiles().length)}\n`,
        );
      });
    });
}
