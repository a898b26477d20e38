#!/usr/bin/env node
import { Command } from "commander";
import { loadDotenv } from "../config/dotenv.js";
import { articlesCommand } from "./commands/articles.js";
import { askCommand } from "./commands/ask.js";
import { backupCommand } from "./commands/backup.js";
import { digestCommand } from "./commands/digest.js";
import { evalCommand } from "./commands/eval.js";
import { evalRetrievalCommand } from "./commands/eval-retrieval.js";
import { ingestCommand } from "./commands/ingest.js";
import { searchCommand } from "./commands/search.js";
import { sourcesCommand } from "./commands/sources.js";

/**
 * The project's one CLI: `npm run -s cli -- <command>`. Each command lives in
 * its own file under `commands/` and is only wiring: the work is done by the
 * layers below (ingest, index, retrieve, answer, digest).
 */
export function buildProgram(): Command {
  return new Command()
    .name("cli")
    .description("District-news bot: ingest bulletins, search, answer questions, build digests")
    .showHelpAfterError()
    .addCommand(ingestCommand())
    .addCommand(articlesCommand())
    .addCommand(searchCommand())
    .addCommand(evalRetrievalCommand())
    .addCommand(askCommand())
    .addCommand(evalCommand())
    .addCommand(digestCommand())
    .addCommand(sourcesCommand())
    .addCommand(backupCommand());
}

loadDotenv();
buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
