import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import type { OpenAiAnswer } from "../../helpers/openai-replies.ts";

const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/** fixAddScript (model-scripts.ts) by step: what a conversation that made `step` tool calls is answered. */
export function fixAddStep(step: number): OpenAiAnswer {
  if (step === 0) return call("read_file", { path: "src/add.js" });
  if (step === 1) return call("write_file", { path: "src/add.js", content: FIXED_ADD });
  if (step === 2) return call("run_tests", {});
  return call("finish", { summary: "add() adds now: it returned a - b." });
}

/** The title of the issue the scripted model tells apart by its marker (conversation-model.ts). */
export const markedTitle = (n: number): string => `add() subtracts [scale-${n}]`;
