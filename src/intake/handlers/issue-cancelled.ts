import type { Task } from "../../tasks/model.ts";
import { eventContextOf, type EventContext } from "../event-context.ts";
import type { IntakeDeps } from "../intake.ts";
import { IssueClosedEvent, IssueLabelEvent } from "../payloads.ts";
import { repoConfigFor } from "../repo-config-for-event.ts";
import { sameLabel, triggerLabel } from "../../github/labels.ts";
import { guardedHandler } from "./guarded-handler.ts";

/*
 * Stopping work is the safe direction, so these do not ask for write permission (nor ignore
 * bots): GitHub already limits who may remove labels or close an issue, and the author
 * withdrawing their own issue should stop spending too.
 */

/** Removing the trigger label cancels the issue's queued or running task. */
export const onIssueUnlabeled = (deps: IntakeDeps) =>
  guardedHandler(deps.store, {
    name: "issues.unlabeled",
    payload: IssueLabelEvent,
    bots: "taken",
    accept: (payload) => payload,
    handle: async (payload, context) => {
      const event = eventContextOf(context, payload);
      if (!(await deps.store.findActiveTask(event.repo.owner, event.repo.name, event.issue.issueNumber))) return;
      const config = await repoConfigFor(event);
      if (!sameLabel(payload.label.name, triggerLabel(config))) return;
      await cancelActiveTask(deps, event, `@${payload.sender.login} removed the \`${payload.label.name}\` label`);
    },
  });

/** Closing the issue cancels its queued or running task. */
export const onIssueClosed = (deps: IntakeDeps) =>
  guardedHandler(deps.store, {
    name: "issues.closed",
    payload: IssueClosedEvent,
    bots: "taken",
    accept: (payload) => payload,
    handle: async (payload, context) => {
      await cancelActiveTask(deps, eventContextOf(context, payload), `@${payload.sender.login} closed the issue`);
    },
  });

/**
 * Cancels the issue's active task, if any; the queue aborts it and the status comment says why.
 * Follow-ups queued for the issue's task are dropped first, so the cancel starts nothing new.
 */
async function cancelActiveTask(deps: IntakeDeps, context: EventContext, reason: string): Promise<Task | undefined> {
  const { owner, name } = context.repo;
  const latest = await deps.store.latestTaskFor(owner, name, context.issue.issueNumber);
  if (latest) await deps.store.dropFollowUps(latest.id);
  const active = await deps.store.findActiveTask(owner, name, context.issue.issueNumber);
  if (!active) return undefined;
  context.log.info({ task: active.id, reason }, "cancelling task");
  return deps.queue.cancel(active.id, reason);
}
