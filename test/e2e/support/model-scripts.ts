import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

/** Scripted model replies, each a turn the agent takes, in the tools' stable names. */
const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/** Reads the bug, fixes `add`, runs the tests and finishes. */
export const fixAddScript = (): OpenAiAnswer[] => [
  call("read_file", { path: "src/add.js" }),
  call("write_file", { path: "src/add.js", content: FIXED_ADD }),
  call("run_tests", {}),
  call("finish", { summary: "add() adds now: it returned a - b." }),
];
