import type { Context } from "probot";
import { canWrite } from "../../github/permissions.ts";
import { onceForDelivery } from "../deliveries.ts";
import { enqueueTask, type IntakeDeps } from "../intake.ts";
import { IssueLabelEvent } from "../payloads.ts";
import { repoConfigFor, reportInvalidConfig } from "../repo-config-for-event.ts";
import { reactSeen } from "../../github/reactions.ts";
import { isBot } from "../sender.ts";
import { sameLabel, triggerLabel } from "../../github/labels.ts";
import { eventContextOf } from "./event-context-of.ts";

/** `issues.labeled` with the configured label, by a writer → a task. */
export const onIssueLabeled = (deps: IntakeDeps) => async (context: Context<"issues.labeled">) => {
  const parsed = IssueLabelEvent.safeParse(context.payload);
  if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed issues.labeled payload");
  const payload = parsed.data;
  if (isBot(payload.sender) || payload.issue.pull_request || payload.issue.state === "closed") return;

  await onceForDelivery(deps.store, { id: context.id, event: "issues.labeled" }, async () => {
    const event = eventContextOf(context, payload);
    const config = await repoConfigFor(event);
    if (!sameLabel(payload.label.name, triggerLabel(config))) return;
    if (!(await canWrite(event.client, event.repo.owner, event.repo.name, event.sender.login))) return;
    if (!config.ok) return reportInvalidConfig(event, config.problems);
    const outcome = await enqueueTask(deps, event, "label");
    if (outcome.kind === "created") await reactSeen(event.client, event.issue);
  });
};
