import type { Task } from "../tasks/model.ts";
import type { IntakeDeps } from "./intake.ts";
import type { EventContext } from "./event-context.ts";

/**
 * Cancels the issue's active task, if any; the queue aborts it and the status comment says why.
 * Follow-ups queued for the issue's task are dropped first, so the cancel starts nothing new.
 */
export async function cancelActiveTask(deps: IntakeDeps, context: EventContext, reason: string): Promise<Task | undefined> {
  const { owner, name } = context.repo;
  const latest = deps.store.latestTaskFor(owner, name, context.issue.issueNumber);
  if (latest) deps.store.dropFollowUps(latest.id);
  const active = deps.store.findActiveTask(owner, name, context.issue.issueNumber);
  if (!active) return undefined;
  context.log.info({ task: active.id, reason }, "cancelling task");
  return deps.queue.cancel(active.id, reason);
}
