import { Command } from "commander";

/** `ask`: placeholder until its layer lands. */
export function askCommand(): Command {
  return new Command("ask").description("(not implemented yet)").action(() => {
    throw new Error("ask is not implemented yet");
  });
}
