import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import type { OpenAiAnswer, OpenAiReply } from "../../helpers/openai-server.ts";

/** Scripted replies for the crash scenario (crash.test.ts). */
const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/**
 * The run the crash cuts off: the agent reads the bug and writes the fix, then its third request
 * to the model is never answered, so the task stays `running` until Ferry is killed.
 */
export const cutOffScript = (): OpenAiReply[] => [
  call("read_file", { path: "src/add.js" }),
  call("write_file", { path: "src/add.js", content: FIXED_ADD }),
  { hang: true },
];

/** How many model requests the cut-off run makes, the unanswered one included. */
export const CUT_OFF_REQUESTS = 3;
