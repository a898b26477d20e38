import { Command } from "commander";

/** `eval`: placeholder until its layer lands. */
export function evalCommand(): Command {
  return new Command("eval").description("(not implemented yet)").action(() => {
    throw new Error("eval is not implemented yet");
  });
}
