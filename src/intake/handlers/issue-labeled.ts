import { enqueueTask, type IntakeDeps } from "../intake.ts";
import { IssueLabelEvent } from "../payloads.ts";
import { repoConfigFor, reportInvalidConfig } from "../repo-config-for-event.ts";
import { reactSeen } from "../../github/reactions.ts";
import { sameLabel, triggerLabel } from "../../github/labels.ts";
import { eventContextOf } from "../event-context.ts";
import { guardedHandler, senderCanWrite } from "./guarded-handler.ts";

/** `issues.labeled` with the configured label, by a writer → a task. */
export const onIssueLabeled = (deps: IntakeDeps) =>
  guardedHandler(deps.store, {
    name: "issues.labeled",
    payload: IssueLabelEvent,
    accept: (payload) => (payload.issue.pull_request || payload.issue.state === "closed" ? undefined : payload),
    handle: async (payload, context) => {
      const event = eventContextOf(context, payload);
      const config = await repoConfigFor(event);
      if (!sameLabel(payload.label.name, triggerLabel(config))) return;
      if (!(await senderCanWrite(event))) return;
      if (!config.ok) return reportInvalidConfig(event, config.problems);
      const outcome = await enqueueTask(deps, event, "label");
      if (outcome.kind === "created") await reactSeen(event.client, event.issue);
    },
  });
