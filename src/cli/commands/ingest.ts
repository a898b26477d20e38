import { Command } from "commander";

/** `ingest`: placeholder until its layer lands. */
export function ingestCommand(): Command {
  return new Command("ingest").description("(not implemented yet)").action(() => {
    throw new Error("ingest is not implemented yet");
  });
}
