import { Command } from "commander";

/** `articles`: placeholder until its layer lands. */
export function articlesCommand(): Command {
  return new Command("articles").description("(not implemented yet)").action(() => {
    throw new Error("articles is not implemented yet");
  });
}
