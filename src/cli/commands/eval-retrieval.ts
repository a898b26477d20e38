import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { parseSearchOptions } from "../../retrieve/cli-options.js";
import { evaluateRetrieval, readEvalCases } from "../../retrieve/eval.js";
import { openNonEmptyRetriever, withStore } from "../with-store.js";

const DEFAULT_FILE = "../shared/eval/questions.jsonl";

/**
 * `eval-retrieval [file] [--json] [--verbose]`: hit@1, hit@5 and MRR@10 of
 * the dense, BM25 and hybrid retrievers side by side on an eval file
 * (default `../shared/eval/questions.jsonl`). A case is a hit when the
 * article's title contains its `source`, or, without `source`, when the
 * passage contains its `must`/`any` strings. Out-of-corpus (`none`) cases are
 * listed apart with the closest passage found.
 */
export function evalRetrievalCommand(): Command {
  return new Command("eval-retrieval")
    .description("Retrieval quality (hit@1, hit@5, MRR) of dense, BM25 and hybrid on an eval file")
    .argument("[file]", `questions JSONL (default ${DEFAULT_FILE} when present)`)
    .option("--json", "print JSON")
    .option("-v, --verbose", "print the rank of each question in each mode")
    .option("--fusion <how>", "hybrid fusion: rrf (weighted reciprocal rank, default) | relative (scores)")
    .action(async (file: string | undefined, opts: { json?: boolean; verbose?: boolean; fusion?: string }) => {
      const { fusion } = parseSearchOptions({ fusion: opts.fusion });
      const target = path.resolve(file ?? DEFAULT_FILE);
      if (!fs.existsSync(target)) {
        throw new Error(`eval file ${target} not found; give one: eval-retrieval path/to/questions.jsonl`);
      }
      const cases = readEvalCases(target);
      await withStore(async (store, config) => {
        const retriever = openNonEmptyRetriever(store, config);
        const result = await evaluateRetrieval(cases, (q, o) => retriever.search(q, { ...o, fusion }));
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
        const out: string[] = [`${path.basename(target)}: ${result.scores[0]?.n ?? 0} answerable questions`];
        out.push(`${"mode".padEnd(8)}${"hit@1".padStart(8)}${"hit@5".padStart(8)}${"MRR".padStart(8)}`);
        for (const s of result.scores) {
          out.push(`${s.mode.padEnd(8)}${pct(s.hit1)}${pct(s.hit5)}${s.mrr.toFixed(3).padStart(8)}`);
        }
        if (opts.verbose) {
          out.push("", `${"id".padEnd(8)}${result.scores.map((s) => s.mode.padStart(8)).join("")}   question`);
          for (const c of cases.filter((x) => !x.none)) {
            const ranks = result.scores.map((s) => String(s.ranks[c.id] || "-").padStart(8)).join("");
            out.push(`${c.id.padEnd(8)}${ranks}   ${c.q}`);
          }
        }
        for (const n of result.none) {
          out.push(
            `none ${n.id}: "${n.q}" → closest: ${n.topTitle ?? "(nothing)"} (cosine ${n.topScore?.toFixed(3) ?? "-"})`,
          );
        }
        process.stdout.write(`${out.join("\n")}\n`);
      });
    });
}
