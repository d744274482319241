import type { TaskResult } from "./model.ts";
import type { TaskRunner } from "./queue-types.ts";

export const PLACEHOLDER_MESSAGE =
  "Ferry's agent is not installed in this build yet: this task was only moved through its states, and no code was changed.";

const STEPS = ["preparing", "running", "verifying", "delivering"] as const;

/** Stands in for the agent until it exists: walks the task through the working states and changes nothing. */
export const placeholderRunner: TaskRunner = async ({ signal, moveTo }): Promise<TaskResult> => {
  for (const state of STEPS) {
    signal.throwIfAborted();
    await moveTo(state);
  }
  return { outcome: "placeholder", message: PLACEHOLDER_MESSAGE };
};
