import type { AgentRun } from "./agent-run.ts";
import { truncateOutput } from "./context/truncate.ts";
import type { ModelResponse } from "./models/model.ts";
import type { ToolResult } from "./tools/tool.ts";
import { executeToolCall } from "./tools/tools.ts";

const SKIPPED: ToolResult = { output: "Not run: `finish` was called earlier in this reply.", isError: true };

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
    const result: ToolResult = finish ? SKIPPED : await executeToolCall(call, run.tools, run.toolContext);
    if (result.pausedMs) run.budgets.paused(result.pausedMs);
    if (result.finish) finish = result.finish;
    const content = truncateOutput(result.output, run.toolOutputTokens);
    run.conversation.add({ role: "tool", callId: call.id, name: call.name, content });
  }
  return finish;
}
