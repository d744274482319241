import type { Store } from "../tasks/store.ts";
import type { Queue } from "../tasks/queue-types.ts";
import type { Task, TaskTrigger } from "../tasks/model.ts";
import { publishStatus } from "../delivery/status/publish-status.ts";
import type { EventContext } from "./event-context.ts";

export type IntakeDeps = { store: Store; queue: Queue };

export type IntakeOutcome = { kind: "created"; task: Task } | { kind: "already-active"; task: Task };

/**
 * Turns an authorised trigger into a queued task: one task per issue at a time, its
 * status comment, then the queue. The agent never runs here.
 */
export async function enqueueTask(
  deps: IntakeDeps,
  context: EventContext,
  trigger: TaskTrigger,
): Promise<IntakeOutcome> {
  const { created, task } = deps.store.createTask({
    repo: context.repo,
    issueNumber: context.issue.issueNumber,
    trigger,
    requester: context.sender.login,
  });
  if (!created) return { kind: "already-active", task };
  deps.store.appendEvent(task.id, "triggered", { trigger, by: context.sender.login, delivery: context.deliveryId });
  try {
    await publishStatus(context.client, task);
  } finally {
    // The task is durable already; even if GitHub failed us above, it must run.
    deps.queue.enqueue(task.id);
  }
  return { kind: "created", task };
}
