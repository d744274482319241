import type { AgentRun } from "./agent-run.ts";
import { truncateOutput } from "./context/truncate.ts";
import type { ModelResponse } from "./models/model.ts";
import { executeToolCall } from "./tools/tools.ts";

export type FinishRequest = { summary: string };

/**
 * Runs the response's tool calls in order and adds their results to the conversation.
 * A reply without tool calls, or a `finish` call, is the agent saying it is done; calls after
 * `finish` are answered as skipped, because every call needs a result.
 */
export async function executeCalls(run: AgentRun, response: ModelResponse): Promise<FinishRequest | undefined> {
  if (response.toolCalls.length === 0) return { summary: response.text };
  let finish: FinishRequest | undefined;
  for (const call of response.toolCalls) {
    run.onProgress?.({ step: run.budgets.spend().steps, action: describeCall(call.name, call.arguments) });
    const result = finish
      ? { output: "Not run: `finish` was called earlier in this reply.", isError: true }
      : await executeToolCall(call, run.tools, run.toolContext);
    if ("pausedMs" in result && result.pausedMs) run.budgets.paused(result.pausedMs);
    if ("finish" in result && result.finish) finish = result.finish;
    const content = truncateOutput(result.output, run.toolOutputTokens);
    run.conversation.add({ role: "tool", callId: call.id, name: call.name, content });
  }
  return finish;
}

/** A few words on a call, for the status comment: the tool and the head of its arguments. */
function describeCall(name: string, rawArguments: string): string {
  const head = rawArguments.replace(/\s+/g, " ").slice(0, 60);
  return `${name} ${head}`.trim();
}
