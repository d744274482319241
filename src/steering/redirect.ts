import type { Store } from "../tasks/store.ts";
import type { IssueRef } from "../github/ensure-comment.ts";

export type RedirectResult = { kind: "queued"; taskId: number } | { kind: "no-active-task" };

/**
 * A writer's `/agent redirect <text>` for the issue's active task: it goes to the task's inbox,
 * and the agent gets it as a user turn before its next step (several arrive in order).
 */
export function redirectActiveTask(store: Store, issue: IssueRef, author: string, text: string): RedirectResult {
  const active = store.findActiveTask(issue.owner, issue.repo, issue.issueNumber);
  if (!active) return { kind: "no-active-task" };
  store.pushInbox(active.id, author, text, "redirect");
  store.appendEvent(active.id, "redirect-received", { by: author });
  return { kind: "queued", taskId: active.id };
}

export function renderRedirectReply(result: RedirectResult): string {
  if (result.kind === "queued") return `Got it: task ${result.taskId}'s agent gets this instruction at its next step.`;
  return "There is no queued or running task on this issue to redirect. Follow-up runs on finished tasks are not available in this version of Ferry yet.";
}
