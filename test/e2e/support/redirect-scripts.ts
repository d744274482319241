import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

/** Scenario 3's scripted model: what the redirect asks for, and the turns that do it. */
const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/** The writer's instruction, as the text after `/agent redirect`. */
export const REDIRECT_TEXT = "also add src/multiply.js exporting multiply(a, b) that multiplies";

export const MULTIPLY_JS = "export const multiply = (a, b) => a * b;\n";

/** The agent's first turn, before any redirect: it reads the bug. */
export const readAddTurn = (): OpenAiAnswer => call("read_file", { path: "src/add.js" });

/** The turns after the redirect reached the agent: fix `add`, then do what the redirect asked, test, finish. */
export const followRedirectScript = (): OpenAiAnswer[] => [
  call("write_file", { path: "src/add.js", content: FIXED_ADD }),
  call("write_file", { path: "src/multiply.js", content: MULTIPLY_JS }),
  call("run_tests", {}),
  call("finish", { summary: "add() adds now, and multiply() was added as asked." }),
];
