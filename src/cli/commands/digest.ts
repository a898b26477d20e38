import { Command } from "commander";

/** `digest`: placeholder until its layer lands. */
export function digestCommand(): Command {
  return new Command("digest").description("(not implemented yet)").action(() => {
    throw new Error("digest is not implemented yet");
  });
}
