import type { Task } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";
import type { IssueRef } from "../github/ensure-comment.ts";
import type { EventContext } from "./event-context.ts";

/**
 * Which issue and task a command is about. On an issue: that issue, its active task or else its
 * latest. On an agent pull request: the issue of the task that delivered it; on any other pull
 * request there is no task.
 */
export type CommandTarget = { issue: IssueRef; task: Task | undefined; pull?: number };

export async function commandTarget(store: Store, event: Pick<EventContext, "repo" | "issue">, isPullRequest: boolean): Promise<CommandTarget> {
  const { owner, name } = event.repo;
  if (!isPullRequest) return { issue: event.issue, task: await currentTask(store, event.issue) };
  const delivered = await store.findTaskByPull(owner, name, event.issue.issueNumber);
  if (!delivered) return { issue: event.issue, task: undefined, pull: event.issue.issueNumber };
  const issue = { owner: event.issue.owner, repo: event.issue.repo, issueNumber: delivered.task.issueNumber };
  return { issue, task: (await currentTask(store, issue)) ?? delivered.task, pull: event.issue.issueNumber };
}

async function currentTask(store: Store, issue: IssueRef): Promise<Task | undefined> {
  return (await store.findActiveTask(issue.owner, issue.repo, issue.issueNumber)) ?? (await store.latestTaskFor(issue.owner, issue.repo, issue.issueNumber));
}
