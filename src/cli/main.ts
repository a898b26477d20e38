#!/usr/bin/env node
import { Command } from "commander";
import { loadDotenv } from "../config/dotenv.js";
import { scrubSecrets } from "../log.js";

/**
 * Every command, by name, as a loader of its module: a run imports only the
 * command it runs (an `ask` does not load the ingest pipeline or the digest
 * scheduler), which is most of the CLI's cold start.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import("./commands/ingest.js")).ingestCommand(),
  articles: async () => (await import("./commands/articles.js")).articlesCommand(),
  search: async () => (await import("./commands/search.js")).searchCommand(),
  "eval-retrieval": async () => (await import("./commands/eval-retrieval.js")).evalRetrievalCommand(),
  "eval-parse": async () => (await import("./commands/eval-parse.js")).evalParseCommand(),
  ask: async () => (await import("./commands/ask.js")).askCommand(),
  eval: async () => (await import("./commands/eval.js")).evalCommand(),
  digest: async () => (await import("./commands/digest.js")).digestCommand(),
  sources: async () => (await import("./commands/sources.js")).sourcesCommand(),
  index: async () => (await import("./commands/index-cmd.js")).indexCommand(),
  backup: async () => (await import("./commands/backup.js")).backupCommand(),
};

/**
 * The project's one CLI: `npm run -s cli -- <command>`. Each command lives in
 * its own file under `commands/` and is only wiring: the work is done by the
 * layers below (ingest, index, retrieve, answer, digest). With `only` (a
 * command name) just that command is loaded; otherwise all of them (for
 * `--help` and unknown commands).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command()
    .name("cli")
    .description("District-news bot: ingest bulletins, search, answer questions, build digests")
    .showHelpAfterError();
  const names = only && only in COMMANDS ? [only] : Object.keys(COMMANDS);
  for (const name of names) program.addCommand(await (COMMANDS[name] as () => Promise<Command>)());
  return program;
}

loadDotenv();
buildProgram(process.argv[2])
  .then((program) => program.parseAsync(process.argv))
  .catch((err: unknown) => {
    process.stderr.write(`error: ${scrubSecrets(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  });
