import type { TaskChannel } from "../task-channel.ts";

/**
 * Where a cancel is announced to the worker running the task, on whatever machine (NOTIFY, for
 * promptness). The store stays the truth: a worker also re-reads its tasks' states, so a
 * notification lost with a dropped connection only delays the abort.
 */
export const CANCEL_CHANNEL: TaskChannel = { name: "ferry_task_cancelled", what: "task cancels" };
