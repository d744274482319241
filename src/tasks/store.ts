import type { InboxKind, InboxMessage, NewTask, Run, Task, TaskEvent, TaskResult, TaskState } from "./model.ts";
import type { NewPause, Pause } from "./pause.ts";
import type { PublishedPart } from "../delivery/publish/published-part.ts";

export type CreateTaskResult = { created: true; task: Task } | { created: false; task: Task };

export type TransitionOptions = {
  result?: TaskResult;
  /** Why the move happened; written to the trajectory with the move. */
  reason?: string;
};

/**
 * Durable state of Ferry: tasks, their runs, trajectories, steering inboxes and the
 * webhook deliveries already handled. The SQLite implementation is the default; the
 * seam lets a server database replace it.
 */
export interface Store {
  /** Creates a queued task unless the issue already has an active (non-terminal) task; atomic. */
  createTask(input: NewTask): CreateTaskResult;
  getTask(id: number): Task | undefined;
  findActiveTask(owner: string, repo: string, issueNumber: number): Task | undefined;
  listTasks(states: readonly TaskState[]): Task[];
  /**
   * Moves a task along the state machine; throws ForbiddenTransitionError for a move it forbids.
   * Leaving `waiting` ends the task's pause.
   */
  transition(id: number, to: TaskState, options?: TransitionOptions): Task;

  startRun(taskId: number): Run;
  listRuns(taskId: number): Run[];
  /** Ends the open runs of a task; `interrupted` marks runs cut off by a crash. */
  endRuns(taskId: number, options?: { interrupted?: boolean }): void;

  appendEvent(taskId: number, type: string, data?: unknown): TaskEvent;
  listEvents(taskId: number): TaskEvent[];

  /** Adds a message to the task's inbox; without a kind it is a redirect (steering for the agent's next step). */
  pushInbox(taskId: number, author: string, body: string, kind?: InboxKind): InboxMessage;
  /**
   * Returns undelivered messages of the given kinds (default: redirects only) in arrival
   * order and marks them delivered, so approvals and answers reach only the pause waiting for them.
   */
  takeInbox(taskId: number, kinds?: readonly InboxKind[]): InboxMessage[];

  /** Records what the task is about to wait for, replacing any earlier pause of the task. */
  openPause(taskId: number, pause: NewPause): Pause;
  getPause(taskId: number): Pause | undefined;
  /** Ends the task's pause, if it has one. */
  closePause(taskId: number): void;

  /** Records the pull requests of the task's latest delivery, replacing the earlier list. */
  setParts(taskId: number, parts: readonly PublishedPart[]): void;
  /** The task's delivered parts in stack order; empty before its first delivery. */
  partsOf(taskId: number): PublishedPart[];

  hasSeenDelivery(deliveryId: string): boolean;
  markDeliverySeen(deliveryId: string, event: string): void;

  close(): void;
}
