import type { Store } from "../../tasks/store.ts";
import type { StatusSteering } from "./status-view.ts";

/** Redirects of the current run (received or applied) and the follow-up it works on. */
export function steeringOf(store: Store, taskId: number): StatusSteering {
  const run = store.listRuns(taskId).at(-1);
  const since = run?.startedAt ?? "";
  const redirects = store
    .listInbox(taskId)
    .filter((message) => message.kind === "redirect" && (message.deliveredAt === null || message.deliveredAt >= since))
    .map((message) => ({ author: message.author, body: message.body, applied: message.deliveredAt !== null }));
  const followUp = run && store.openFollowUps(taskId).find((candidate) => candidate.runId === run.id);
  return { redirects, followUp: followUp && { kind: followUp.kind, author: followUp.author } };
}
