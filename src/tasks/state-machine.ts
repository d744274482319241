import type { TaskState } from "./model.ts";

/**
 * Every move a task may make. Anything not listed is forbidden, staying put included,
 * so a duplicate or out-of-order move shows up as an error instead of a silent no-op.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  queued: ["preparing", "failed", "cancelled"],
  // → queued: the process died mid-run and start-up queues the task again.
  preparing: ["running", "failed", "cancelled", "queued"],
  // → done: the agent finished with nothing to change.
  running: ["waiting", "verifying", "done", "failed", "cancelled", "queued"],
  // → queued: the process holding the paused agent (and its container) died; the task starts again.
  waiting: ["running", "failed", "cancelled", "queued"],
  // → running: verification failed and the agent carries on.
  verifying: ["delivering", "running", "failed", "cancelled", "queued"],
  delivering: ["done", "failed", "cancelled", "queued"],
  // → queued from an end state: a new run of the same task (retry or follow-up).
  done: ["queued"],
  failed: ["queued"],
  cancelled: ["queued"],
};

export const canTransition = (from: TaskState, to: TaskState): boolean =>
  ALLOWED_TRANSITIONS[from].includes(to);

export class ForbiddenTransitionError extends Error {
  readonly from: TaskState;
  readonly to: TaskState;

  constructor(from: TaskState, to: TaskState) {
    const allowed = ALLOWED_TRANSITIONS[from].join(", ");
    super(`A task cannot move from "${from}" to "${to}"; from "${from}" it may only move to: ${allowed}.`);
    this.name = "ForbiddenTransitionError";
    this.from = from;
    this.to = to;
  }
}

export function assertTransition(from: TaskState, to: TaskState): void {
  if (!canTransition(from, to)) throw new ForbiddenTransitionError(from, to);
}
