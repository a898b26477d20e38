import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { decodeBytes } from "../../ingest/decode.js";
import { type EvalParseResult, type ExpectedPage, evalParse, formatScore } from "../../ingest/eval.js";
import { parsePage } from "../../ingest/parse-page.js";
import { sourceDefaults } from "../../ingest/source-defaults.js";

const DEFAULT_FILE = "../shared/eval/local-dev/pages.json";
const DEFAULT_HELD_OUT = "p05.txt,p08.txt";

interface EvalParseCliOptions {
  pages?: string;
  heldOut: string;
  json?: boolean;
  verbose?: boolean;
  showHeldOut?: boolean;
}

/** The figures of a parse check as text lines; problems of held-out pages only with `showHeldOut`. */
export function formatEvalParse(result: EvalParseResult, verbose: boolean, showHeldOut: boolean): string[] {
  const out: string[] = [];
  for (const p of result.pages) {
    out.push(`${p.page.padEnd(10)}${p.heldOut ? " (held out)" : ""}  ${formatScore(p.score)}`);
    if (!verbose || (p.heldOut && !showHeldOut)) continue;
    for (const a of p.articles) {
      if (a.problems.length)
        out.push(`    ${a.expected.id ?? a.expected.first.slice(0, 12)}: ${a.problems.join("; ")}`);
    }
  }
  out.push(`tuning:    ${formatScore(result.tuning)}`);
  out.push(`held out:  ${formatScore(result.heldOut)}`);
  out.push(`total:     ${formatScore(result.total)}`);
  return out;
}

/**
 * `eval-parse [pages.json] [--pages DIR] [--held-out a.txt,b.txt] [--json] [--verbose]`:
 * parses each page named in an expected-articles file (default
 * `../shared/eval/local-dev/pages.json`, pages in the `pages/` folder beside
 * it) and scores the articles found, whole titles, merges, districts and
 * dates, per page and summed over the tuning pages and the held-out pages.
 * Nothing is stored and nothing is embedded.
 */
export function evalParseCommand(): Command {
  return new Command("eval-parse")
    .description("Parse check: articles, titles, merges, districts and dates against an expected pages.json")
    .argument("[file]", `expected articles per page (default ${DEFAULT_FILE})`)
    .option("--pages <dir>", "folder of the page files (default: pages/ beside the file)")
    .option("--held-out <files>", "comma-separated page files kept out of tuning", DEFAULT_HELD_OUT)
    .option("--json", "print JSON")
    .option("-v, --verbose", "list what is wrong with each article (tuning pages)")
    .option("--show-held-out", "with --verbose, list the held-out pages' problems too")
    .action((file: string | undefined, opts: EvalParseCliOptions) => {
      const target = path.resolve(file ?? DEFAULT_FILE);
      if (!fs.existsSync(target)) {
        throw new Error(`expected-pages file ${target} not found; give one: eval-parse path/to/pages.json`);
      }
      const expected = JSON.parse(fs.readFileSync(target, "utf8")) as Record<string, ExpectedPage>;
      const dir = path.resolve(opts.pages ?? path.join(path.dirname(target), "pages"));
      const read = (page: string): string => {
        const decoded = decodeBytes(fs.readFileSync(path.join(dir, page)));
        if (!decoded.ok) throw new Error(`${page}: ${decoded.reason}`);
        return decoded.text;
      };
      const result = evalParse(expected, read, {
        heldOut: opts.heldOut
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        parse: (page, text) => {
          const { warning: _, ...defaults } = sourceDefaults(path.join(dir, page));
          return parsePage(text, { source: page, ...defaults });
        },
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        process.stdout.write(
          `${formatEvalParse(result, opts.verbose === true, opts.showHeldOut === true).join("\n")}\n`,
        );
    });
}
