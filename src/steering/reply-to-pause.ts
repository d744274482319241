import type { Task } from "../tasks/model.ts";
import type { Pause } from "../tasks/pause.ts";
import type { Store } from "../tasks/store.ts";

export type IssueKey = { owner: string; repo: string; issueNumber: number };

export type WaitingTask = { task: Task; pause: Pause };

/** The issue's active task and what it waits for, when it is waiting for a person. */
export function findWaitingTask(store: Store, issue: IssueKey): WaitingTask | undefined {
  const task = store.findActiveTask(issue.owner, issue.repo, issue.issueNumber);
  if (task?.state !== "waiting") return undefined;
  const pause = store.getPause(task.id);
  return pause ? { task, pause } : undefined;
}

export type ApproveOutcome =
  | { kind: "approved"; task: Task; command: string }
  | { kind: "nothing-waiting" }
  | { kind: "question-waiting"; task: Task };

/** `/agent approve` by a writer: the approval, naming the command, goes to the waiting task's inbox. */
export function approveWaitingTask(store: Store, issue: IssueKey, by: string): ApproveOutcome {
  const waiting = findWaitingTask(store, issue);
  if (!waiting) return { kind: "nothing-waiting" };
  if (waiting.pause.kind !== "approval") return { kind: "question-waiting", task: waiting.task };
  store.pushInbox(waiting.task.id, by, waiting.pause.subject, "approval");
  return { kind: "approved", task: waiting.task, command: waiting.pause.subject };
}

/** A writer's plain comment while the agent waits for an answer; false when no question waits. */
export function answerWaitingQuestion(store: Store, issue: IssueKey, by: string, body: string): boolean {
  const waiting = findWaitingTask(store, issue);
  if (waiting?.pause.kind !== "question") return false;
  store.pushInbox(waiting.task.id, by, body, "answer");
  return true;
}
