import type { InboxMessage, NewTask, Run, Task, TaskEvent, TaskResult, TaskState } from "./model.ts";

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
  /** Moves a task along the state machine; throws ForbiddenTransitionError for a move it forbids. */
  transition(id: number, to: TaskState, options?: TransitionOptions): Task;

  startRun(taskId: number): Run;
  listRuns(taskId: number): Run[];
  /** Ends the open runs of a task; `interrupted` marks runs cut off by a crash. */
  endRuns(taskId: number, options?: { interrupted?: boolean }): void;

  appendEvent(taskId: number, type: string, data?: unknown): TaskEvent;
  listEvents(taskId: number): TaskEvent[];

  pushInbox(taskId: number, author: string, body: string): InboxMessage;
  /** Returns undelivered messages in arrival order and marks them delivered. */
  takeInbox(taskId: number): InboxMessage[];

  hasSeenDelivery(deliveryId: string): boolean;
  markDeliverySeen(deliveryId: string, event: string): void;

  close(): void;
}
