import type { Task, TaskState } from "./model.ts";
import type { Store } from "./store.ts";

/**
 * States a task is only in while a runner holds it. `waiting` is one: the paused agent lives in
 * its runner's container, which died with the process, so the task has to start again.
 */
export const IN_FLIGHT_STATES: readonly TaskState[] = ["preparing", "running", "waiting", "verifying", "delivering"];

export const INTERRUPTED_REASON = "interrupted by a restart";

/**
 * Queues again a task a previous process left in flight (it died or was stopped; see
 * IN_FLIGHT_STATES): its open run ends as interrupted, and the trajectory says so. Returns the
 * re-queued task.
 */
export async function requeueInterrupted(store: Store, task: Task): Promise<Task> {
  // Appended before the run ends, so the event belongs to the run that was cut off.
  await store.appendEvent(task.id, "interrupted", { state: task.state });
  await store.endRuns(task.id, { interrupted: true });
  return store.transition(task.id, "queued", { reason: INTERRUPTED_REASON });
}
