import { Command } from "commander";

/** `search`: placeholder until its layer lands. */
export function searchCommand(): Command {
  return new Command("search").description("(not implemented yet)").action(() => {
    throw new Error("search is not implemented yet");
  });
}
