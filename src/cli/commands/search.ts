import { Command } from "commander";
import { parseSearchOptions, type RawSearchOptions } from "../../retrieve/cli-options.js";
import { openNonEmptyRetriever, withStore } from "../with-store.js";

/**
 * `search [--json] [--k N] [--district X] [--date-from D] [--date-to D]
 * [--mode hybrid|dense|bm25] [--max-per-article N] "问题"`: the indexed
 * passages that best match a question, best first. With `--json`: an array
 * of `{articleId, title, district, date, source, chunkId, start, end, chunk, score}`.
 */
export function searchCommand(): Command {
  return new Command("search")
    .description("Find the passages that best answer a question (hybrid dense + BM25 by default)")
    .argument("<query...>", "the question, e.g. 谁出席了陕州区动员部署会")
    .option("--json", "print a JSON array")
    .option("-k, --k <n>", "number of passages", "5")
    .option("--district <name>", "only articles about this district, e.g. 陕州区")
    .option("--date-from <date>", "only articles dated on or after YYYY-MM-DD")
    .option("--date-to <date>", "only articles dated on or before YYYY-MM-DD")
    .option("--mode <mode>", "hybrid | dense | bm25", "hybrid")
    .option("--fusion <how>", "hybrid fusion: rrf (weighted reciprocal rank, default) | relative (scores)")
    .option("--max-per-article <n>", "at most this many passages per article (0: no limit)", "2")
    .action(async (words: string[], raw: RawSearchOptions & { json?: boolean }) => {
      const query = words.join(" ").trim();
      if (!query) throw new Error('give a question, e.g. search "谁出席了陕州区动员部署会"');
      const opts = parseSearchOptions(raw);
      await withStore(async (store, config) => {
        const retriever = openNonEmptyRetriever(store, config);
        const docs = await retriever.search(query, opts);
        const rows = docs.map((d) => ({
          articleId: d.metadata.articleId,
          title: d.metadata.title,
          district: d.metadata.district,
          date: d.metadata.date,
          source: d.metadata.source,
          chunkId: d.metadata.chunkId,
          start: d.metadata.start,
          end: d.metadata.end,
          chunk: d.pageContent,
          score: Number((d.metadata.score ?? 0).toFixed(6)),
        }));
        if (raw.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) process.stdout.write("no matching passage\n");
        rows.forEach((r, i) => {
          const where = [r.district, r.date].filter(Boolean).join(" ");
          process.stdout.write(
            `${i + 1}. [${r.articleId}] ${r.title}${where ? ` (${where})` : ""}  score ${r.score.toFixed(4)}\n   ${r.chunk.replace(/\n/g, " ")}\n`,
          );
        });
      });
    });
}
