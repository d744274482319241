import type { AgentOutcome } from "../agent/outcome.ts";
import type { TaskResult } from "../tasks/model.ts";
import type { RunContext } from "../tasks/queue-types.ts";

/**
 * Walks a task whose agent produced a verified change through verifying and delivering; every
 * other outcome ends the task from where it is (the queue picks the end state).
 */
export async function settleOutcome(outcome: AgentOutcome, context: Pick<RunContext, "moveTo" | "signal">): Promise<TaskResult> {
  if (outcome.outcome !== "changes-ready") return outcome;
  context.signal.throwIfAborted();
  await context.moveTo("verifying");
  await context.moveTo("delivering");
  return outcome;
}
