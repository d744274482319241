import type { Task } from "../tasks/model.ts";
import type { Pause } from "../tasks/pause.ts";
import type { Store } from "../tasks/store.ts";

export type IssueKey = { owner: string; repo: string; issueNumber: number };

export type WaitingTask = { task: Task; pause: Pause };

/** The issue's active task and what it waits for, when it is waiting for a person. */
export async function findWaitingTask(store: Store, issue: IssueKey): Promise<WaitingTask | undefined> {
  const task = await store.findActiveTask(issue.owner, issue.repo, issue.issueNumber);
  if (task?.state !== "waiting") return undefined;
  const pause = await store.getPause(task.id);
  return pause ? { task, pause } : undefined;
}

export type ApproveOutcome =
  | { kind: "approved"; task: Task; command: string }
  | { kind: "nothing-waiting" }
  | { kind: "question-waiting"; task: Task };

/** `/agent approve` by a writer: the approval, naming the command, goes to the waiting task's inbox. */
export async function approveWaitingTask(store: Store, issue: IssueKey, by: string): Promise<ApproveOutcome> {
  const waiting = await findWaitingTask(store, issue);
  if (!waiting) return { kind: "nothing-waiting" };
  if (waiting.pause.kind !== "approval") return { kind: "question-waiting", task: waiting.task };
  await store.pushInbox(waiting.task.id, by, waiting.pause.subject, "approval");
  return { kind: "approved", task: waiting.task, command: waiting.pause.subject };
}

/** A writer's plain comment while the agent waits for an answer; false when no question waits. */
export async function answerWaitingQuestion(store: Store, issue: IssueKey, by: string, body: string): Promise<boolean> {
  const waiting = await findWaitingTask(store, issue);
  if (waiting?.pause.kind !== "question") return false;
  await store.pushInbox(waiting.task.id, by, body, "answer");
  return true;
}
