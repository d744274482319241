import type { Spend } from "./agent-outcome.ts";
import type { TaskResult } from "./model.ts";
import type { TaskRunner } from "./queue-types.ts";

export const PLACEHOLDER_MESSAGE =
  "Ferry's agent is not installed in this build yet: this task was only moved through its states, and no code was changed.";

const STEPS = ["preparing", "running", "verifying", "delivering"] as const;

const NO_SPEND: Spend = { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 };

/**
 * Walks the task through the working states and changes nothing, for tests and benchmarks of the
 * queue without an agent. It ends as no-changes: a result of its own once sat in the stored
 * schema (migration 10 rewrote those rows).
 */
export const placeholderRunner: TaskRunner = async ({ signal, moveTo }): Promise<TaskResult> => {
  for (const state of STEPS) {
    signal.throwIfAborted();
    await moveTo(state);
  }
  return { outcome: "no-changes", summary: PLACEHOLDER_MESSAGE, spend: NO_SPEND };
};
