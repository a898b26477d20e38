import { Command } from "commander";

/** `eval-retrieval`: placeholder until its layer lands. */
export function evalRetrievalCommand(): Command {
  return new Command("eval-retrieval").description("(not implemented yet)").action(() => {
    throw new Error("eval-retrieval is not implemented yet");
  });
}
