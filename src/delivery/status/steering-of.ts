import type { Store } from "../../tasks/store.ts";
import type { StatusSteering } from "./status-view.ts";

/** Redirects of the current run (received or applied) and the follow-up it works on. */
export async function steeringOf(store: Store, taskId: number): Promise<StatusSteering> {
  const run = (await store.listRuns(taskId)).at(-1);
  const since = run?.startedAt ?? "";
  const redirects = (await store.listInbox(taskId))
    .filter((message) => message.kind === "redirect" && (message.deliveredAt === null || message.deliveredAt >= since))
    .map((message) => ({ author: message.author, body: message.body, applied: message.deliveredAt !== null }));
  const followUp = run && (await store.openFollowUps(taskId)).find((candidate) => candidate.runId === run.id);
  return { redirects, followUp: followUp && { kind: followUp.kind, author: followUp.author } };
}
