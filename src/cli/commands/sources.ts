import { Command } from "commander";

/** `sources`: placeholder until its layer lands. */
export function sourcesCommand(): Command {
  return new Command("sources").description("(not implemented yet)").action(() => {
    throw new Error("sources is not implemented yet");
  });
}
