import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import type { OpenAiAnswer } from "../../helpers/openai-server.ts";

const call = (name: string, args: object): OpenAiAnswer => ({ toolCalls: [{ name, arguments: JSON.stringify(args) }] });

/**
 * A model that changes the calculator early and then keeps looking around without ever
 * finishing: one tool call per step, `steps` steps of it. Its change is in the workspace from
 * step 2 on, so a budget that ends the run must also keep that change from being pushed.
 */
export function neverFinishingScript(steps: number): OpenAiAnswer[] {
  const opening = [
    call("read_file", { path: "src/add.js" }),
    call("write_file", { path: "src/add.js", content: FIXED_ADD }),
    call("shell", { command: "node test.js" }),
  ];
  const more = (at: number) => (at % 2 === 0 ? call("read_file", { path: "test.js" }) : call("search", { pattern: "add" }));
  return Array.from({ length: steps }, (_, at) => opening[at] ?? more(at));
}
