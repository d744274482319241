import { finishRun } from "./finish-run.ts";
import type { RunnerOutcome } from "./finish-run.ts";
import type { Run, Task, TaskState } from "./model.ts";
import { isTerminal } from "./model.ts";
import type { RunContext, TaskListener, TaskRunner } from "./queue-types.ts";
import type { Store } from "./store.ts";
import type { Log } from "../logger.ts";

export type TaskRunDeps = { store: Store; runner: TaskRunner; listener?: TaskListener; log: Log };

/**
 * One run of a queued task in this process, whichever queue handed it over (in-process or
 * pg-boss): the run starts, the runner works, the queue's final move records its result, the run
 * ends, the listener hears. Aborting `signal` (a cancel, a stop) cuts the runner off; a stop leaves
 * the task in flight for a restart (or another worker) to resume.
 */
export async function runQueuedTask(deps: TaskRunDeps, taskId: number, signal: AbortSignal): Promise<void> {
  let task: Task | undefined;
  let run: Run;
  try {
    task = await deps.store.getTask(taskId);
    // Moved by someone else since it was scheduled.
    if (task?.state !== "queued") return;
    // A queued task has no open run; one left over from a crash before its first move ends here.
    await deps.store.endRuns(taskId, { interrupted: true });
    run = await deps.store.startRun(taskId);
  } catch (error) {
    deps.log.error({ task: taskId, err: error }, "Could not start a run for a task");
    return;
  }
  // Cancelled or stopped while the run was starting: the run ends without a runner.
  if (signal.aborted) return endRun(deps, taskId);
  const started = task;
  const context: RunContext = { task: started, run, signal, moveTo: (state, reason) => move(deps, taskId, signal, state, reason) };
  const outcome = await callRunner(deps.runner, context);
  // Aborted means cancelled (already ended) or stopping (left as is for the next start).
  const ended = signal.aborted ? undefined : await finish(deps, taskId, outcome);
  // The run ends before anyone hears of the ending: a listener may start the task's next run.
  await endRun(deps, taskId);
  if (ended) await notifyListener(deps, ended);
}

/** Tells the listener of a state change; its failure is logged, never the task's. */
export async function notifyListener(deps: Pick<TaskRunDeps, "listener" | "log">, task: Task): Promise<void> {
  if (!deps.listener) return;
  try {
    await deps.listener(task);
  } catch (error) {
    deps.log.error({ task: task.id, state: task.state, err: error }, "Task listener failed");
  }
}

/** The reason a run's signal is aborted with; named AbortError like the platform's own aborts. */
export const taskAbortedError = (taskId: number, why: string): DOMException => new DOMException(`Task ${taskId} was aborted: ${why}`, "AbortError");

async function finish(deps: TaskRunDeps, taskId: number, outcome: RunnerOutcome): Promise<Task | undefined> {
  if (!outcome.ok) deps.log.error({ task: taskId, err: outcome.error }, "Task runner failed");
  try {
    return await finishRun(deps.store, taskId, outcome);
  } catch (error) {
    deps.log.error({ task: taskId, err: error }, "Could not record the end of a task");
    return undefined;
  }
}

async function endRun(deps: TaskRunDeps, taskId: number): Promise<void> {
  try {
    // A run cut off by a stop is interrupted; the next start queues its task again.
    const state = (await deps.store.getTask(taskId))?.state;
    await deps.store.endRuns(taskId, { interrupted: state !== undefined && !isTerminal(state) });
  } catch (error) {
    deps.log.error({ task: taskId, err: error }, "Could not end the run of a task");
  }
}

async function callRunner(runner: TaskRunner, context: RunContext): Promise<RunnerOutcome> {
  try {
    return { ok: true, result: await runner(context) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function move(deps: TaskRunDeps, taskId: number, signal: AbortSignal, state: TaskState, reason?: string): Promise<Task> {
  // After a cancel or a stop nothing the runner does may move the task again.
  signal.throwIfAborted();
  if (isTerminal(state)) {
    throw new Error(`A task runner cannot move a task to ${state}: it returns a TaskResult and the queue ends the task.`);
  }
  const task = await deps.store.transition(taskId, state, { reason });
  await notifyListener(deps, task);
  return task;
}
