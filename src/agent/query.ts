import type { AgentRun } from "./agent-run.ts";
import type { ModelResponse } from "./models/model.ts";
import { toolSpecs } from "./tools/tools.ts";

/** One step's model request; retries and usage go to the trajectory, the cost to the budgets. */
export async function query(run: AgentRun): Promise<ModelResponse> {
  const { model, conversation, budgets, toolContext } = run;
  const { trajectory, signal } = toolContext;
  const messages = conversation.messages();
  const step = budgets.spend().steps + 1;
  const response = await model.complete(
    { purpose: "step", messages, tools: toolSpecs(run.tools) },
    { signal, onRetry: (notice) => trajectory.record("model-retry", { step, ...notice }) },
  );
  budgets.charge(response.usage, response.costUsd, { step: true });
  trajectory.record("model-request", {
    step,
    messages: messages.length,
    requestBytes: JSON.stringify(messages).length,
    usage: response.usage,
    costUsd: response.costUsd,
    text: response.text,
    toolCalls: response.toolCalls.map((call) => call.name),
  });
  conversation.add({ role: "assistant", content: response.text, toolCalls: response.toolCalls });
  return response;
}
