import type { Run, Task, TaskResult, TaskState } from "./model.ts";

export type RunContext = {
  task: Task;
  run: Run;
  /** Aborted when the task is cancelled or the process stops. */
  signal: AbortSignal;
  /**
   * Moves the task to a working state (through Store.transition) and notifies the listener.
   * Rejects once `signal` is aborted, and for end states: the queue ends the task with the runner's result.
   */
  moveTo(state: TaskState, reason?: string): Promise<Task>;
};

/** Does one run of a task. Resolves with the result the task ends with. */
export type TaskRunner = (context: RunContext) => Promise<TaskResult>;

/** Called after every state change of a task (to update its status comment, …). Errors are logged, never fatal. */
export type TaskListener = (task: Task) => Promise<void>;

export interface Queue {
  /** Schedules a queued task; a task already scheduled or running is left alone. */
  enqueue(taskId: number): Promise<void>;
  /** Cancels a task that has not ended: marks it cancelled and aborts its runner. Undefined when it had already ended. */
  cancel(taskId: number, reason: string): Promise<Task | undefined>;
  /**
   * Starts a new run of an ended task (a retry or a follow-up): queued again, listener told, scheduled.
   * Undefined when the task has not ended; throws when its issue has another active task.
   */
  reopen(taskId: number, reason: string): Promise<Task | undefined>;
  /** Re-queues tasks interrupted by a previous process, schedules queued ones, starts working. */
  start(): Promise<void>;
  /** Stops taking work and aborts running tasks without ending them, so the next start resumes them. */
  stop(): Promise<void>;
  /** Resolves once nothing is scheduled or running. */
  idle(): Promise<void>;
}
