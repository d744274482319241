import type { Queue } from "../tasks/queue-types.ts";
import type { Store } from "../tasks/store.ts";

/**
 * `/agent stop`: the task's queued follow-ups are dropped first (so its end starts nothing new),
 * then the task is cancelled: the queue aborts its run (model call, command, container) at once.
 */
export async function stopTask(deps: { store: Store; queue: Pick<Queue, "cancel"> }, taskId: number, reason: string): Promise<string> {
  const waiting = (await deps.store.openFollowUps(taskId)).filter((followUp) => followUp.runId === null).length;
  await deps.store.dropFollowUps(taskId);
  const cancelled = await deps.queue.cancel(taskId, reason);
  const dropped = waiting > 0 ? ` and dropped ${waiting} queued follow-up${waiting === 1 ? "" : "s"}` : "";
  if (cancelled) return `Stopped task ${taskId}${dropped}.`;
  return waiting > 0 ? `Task ${taskId} had already ended; dropped ${waiting} queued follow-up${waiting === 1 ? "" : "s"}.` : `Task ${taskId} is not running; there is nothing to stop.`;
}
