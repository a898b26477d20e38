import { Command } from "commander";
import { buildDigest } from "../../digest/build.js";
import { formatDigestText } from "../../digest/format.js";
import { createSummarizer } from "../../digest/llm-summary.js";
import { extractiveSummarizer } from "../../digest/summarize.js";
import { createLogger } from "../../log.js";
import { withStore } from "../with-store.js";

interface DigestCliOptions {
  date?: string;
  district?: string;
  json?: boolean;
  extractive?: boolean;
}

/**
 * `digest [--date D] [--district X] [--json] [--extractive]`: the news of one
 * day, grouped by district, each article with a short summary (through the
 * LLM when `LLM_*` is configured, unless `--extractive`). Without `--date`:
 * the most recent day with news. A miss (no news that day, bad date, unknown
 * district) prints the reason on stderr and exits with code 1.
 */
export function digestCommand(): Command {
  return new Command("digest")
    .description("Digest of one day's news, grouped by district (default: the most recent day with news)")
    .option("-d, --date <date>", "day: 2020-03-28, 2020/3/28, 2020年3月28日, 3月28日, 今天, 昨天, 前天")
    .option("--district <name>", "only this district, e.g. 孟州市")
    .option("--json", "print JSON {date, district, items:[{articleId,title,district,date,summary,source}]}")
    .option("--extractive", "never use the LLM, even when LLM_* is configured")
    .action(async (opts: DigestCliOptions) => {
      await withStore(async (store, config) => {
        const log = createLogger(config.logLevel);
        const result = await buildDigest(store, {
          date: opts.date,
          district: opts.district,
          timezone: config.timezone,
          summarize: opts.extractive ? extractiveSummarizer : createSummarizer(config, log),
        });
        if (!result.ok) {
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ error: result.message, nearestDays: result.nearestDays }, null, 2)}\n`,
            );
          }
          process.stderr.write(`${result.message}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          opts.json ? `${JSON.stringify(result.digest, null, 2)}\n` : `${formatDigestText(result.digest)}\n`,
        );
      });
    });
}
