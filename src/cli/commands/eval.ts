import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import {
  type EvalResult,
  type EvalSplit,
  judge,
  kindTable,
  parseEvalCases,
  splitOf,
  totals,
} from "../../answer/eval.js";
import { openAnswerer } from "./ask.js";

/** The project root (two levels above src/cli/commands). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** `../shared/eval/questions.jsonl` relative to the project root. */
export const DEFAULT_EVAL_FILE = path.resolve(ROOT, "../shared/eval/questions.jsonl");

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/**
 * `eval [--json] [file]`: asks every question of an eval file (default
 * ../shared/eval/questions.jsonl) and prints per question PASS/FAIL with the
 * answer, then the totals: answer accuracy, citation accuracy (first
 * citation's title contains `source`), declines on `none` questions, and the
 * median time per answer, warm (model and index loaded once before timing).
 * Exits with 1 when a question fails.
 */
export function evalCommand(): Command {
  return new Command("eval")
    .description("Run the answer eval: per question pass/fail, accuracy, citations, declines, median ms")
    .argument("[file]", "eval JSONL file", DEFAULT_EVAL_FILE)
    .option("--json", "print {results, totals} as JSON")
    .option("--split <part>", "only the tune part (ids not ending in 0/3/7) or the holdout part (ending in 0/3/7)")
    .option("--kinds", "after the totals, print passed/cases per kind, for the tune and holdout parts")
    .option("--quiet", "print only the totals (and the kinds table), not each question")
    .action(async (file: string, opts: { json?: boolean; split?: string; kinds?: boolean; quiet?: boolean }) => {
      if (!fs.existsSync(file)) throw new Error(`eval file not found: ${file}`);
      if (opts.split !== undefined && opts.split !== "tune" && opts.split !== "holdout")
        throw new Error(`--split must be "tune" or "holdout", not "${opts.split}"`);
      const split = opts.split as EvalSplit | undefined;
      const cases = parseEvalCases(fs.readFileSync(file, "utf8")).filter((c) => !split || splitOf(c) === split);
      if (cases.length === 0) throw new Error(`no question in ${file}`);
      const opened = openAnswerer();
      try {
        await opened.warmUp();
        await opened.answerer.ask(cases[0]?.q ?? "预热"); // warm: jieba, prepared statements, caches
        const results: EvalResult[] = [];
        for (const [i, c] of cases.entries()) {
          const t0 = performance.now();
          const a = await opened.answerer.ask(c.q);
          const r = judge(c, a, performance.now() - t0, i);
          results.push(r);
          if (!opts.json && !opts.quiet) {
            const cite = r.citationOk === false ? ` (first source: ${r.firstTitle ?? "none"})` : "";
            process.stdout.write(
              `${r.pass ? "PASS" : "FAIL"} ${r.id} ${c.q}  ${r.ms.toFixed(0)} ms${cite}\n     ${r.answer}\n`,
            );
          }
        }
        const t = totals(results, cases);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ results, totals: t }, null, 2)}\n`);
        } else {
          process.stdout.write(
            `${opts.quiet ? "" : "\n"}${t.passed}/${t.cases} passed · answer accuracy ${pct(t.answerAccuracy)} · citation accuracy ${pct(t.citationAccuracy)} · declines ${t.declines.ok}/${t.declines.of} · median ${t.medianMs.toFixed(1)} ms per answer (warm)\n`,
          );
          if (opts.kinds) process.stdout.write(`${kindTable(results)}\n`);
        }
        if (t.passed < t.cases) process.exitCode = 1;
      } finally {
        opened.close();
      }
    });
}
