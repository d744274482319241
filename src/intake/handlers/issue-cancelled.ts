import type { Context } from "probot";
import { cancelActiveTask } from "../cancel.ts";
import { onceForDelivery } from "../deliveries.ts";
import type { IntakeDeps } from "../intake.ts";
import { IssueClosedEvent, IssueLabelEvent } from "../payloads.ts";
import { repoConfigFor } from "../repo-config-for-event.ts";
import { sameLabel, triggerLabel } from "../../github/labels.ts";
import { eventContextOf } from "./event-context-of.ts";

/*
 * Stopping work is the safe direction, so these do not ask for write permission: GitHub
 * already limits who may remove labels or close an issue, and the author withdrawing
 * their own issue should stop spending too.
 */

/** Removing the trigger label cancels the issue's queued or running task. */
export const onIssueUnlabeled = (deps: IntakeDeps) => async (context: Context<"issues.unlabeled">) => {
  const parsed = IssueLabelEvent.safeParse(context.payload);
  if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed issues.unlabeled payload");
  const payload = parsed.data;
  await onceForDelivery(deps.store, { id: context.id, event: "issues.unlabeled" }, async () => {
    const event = eventContextOf(context, payload);
    if (!deps.store.findActiveTask(event.repo.owner, event.repo.name, event.issue.issueNumber)) return;
    const config = await repoConfigFor(event);
    if (!sameLabel(payload.label.name, triggerLabel(config))) return;
    await cancelActiveTask(deps, event, `@${payload.sender.login} removed the \`${payload.label.name}\` label`);
  });
};

/** Closing the issue cancels its queued or running task. */
export const onIssueClosed = (deps: IntakeDeps) => async (context: Context<"issues.closed">) => {
  const parsed = IssueClosedEvent.safeParse(context.payload);
  if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed issues.closed payload");
  const payload = parsed.data;
  await onceForDelivery(deps.store, { id: context.id, event: "issues.closed" }, async () => {
    await cancelActiveTask(deps, eventContextOf(context, payload), `@${payload.sender.login} closed the issue`);
  });
};
