import type { Task } from "../tasks/model.ts";
import type { IntakeDeps } from "./intake.ts";
import type { EventContext } from "./event-context.ts";

/** Cancels the issue's active task, if any; the queue aborts it and the status comment says why. */
export async function cancelActiveTask(deps: IntakeDeps, context: EventContext, reason: string): Promise<Task | undefined> {
  const active = deps.store.findActiveTask(context.repo.owner, context.repo.name, context.issue.issueNumber);
  if (!active) return undefined;
  context.log.info({ task: active.id, reason }, "cancelling task");
  return deps.queue.cancel(active.id, reason);
}
