import { errorMessage } from "../error-message.ts";
import type { Task, TaskResult, TaskState } from "./model.ts";
import { isTerminal } from "./model.ts";
import { canTransition } from "./state-machine.ts";
import { moveUnless } from "./move-unless.ts";
import type { Store } from "./store.ts";

/** What a runner settled with: the result it returned, or what it threw. */
export type RunnerOutcome = { ok: true; result: TaskResult } | { ok: false; error: unknown };

/** The end state a task takes for the result its runner returned. */
export function endStateFor(result: TaskResult): TaskState {
  switch (result.outcome) {
    case "changes-ready":
    case "no-changes":
      return "done";
    case "error":
    case "tests-failing":
    case "budget-exhausted":
    case "blocked":
    case "setup-failed":
    case "failed":
      return "failed";
    case "cancelled":
      return "cancelled";
    default: {
      // A new outcome must choose its end state here; the compiler points at this line until it does.
      const unknown: never = result;
      throw new Error(`No end state is defined for the task result ${JSON.stringify(unknown)}.`);
    }
  }
}

/**
 * Makes the final move of a task whose runner settled: to the result's end state, or to
 * `failed` when the runner threw or returned from a state that cannot end that way.
 * Returns the ended task, or undefined when it had already ended.
 */
export async function finishRun(store: Store, taskId: number, outcome: RunnerOutcome): Promise<Task | undefined> {
  const task = await store.getTask(taskId);
  if (!task || isTerminal(task.state)) return undefined;
  if (!outcome.ok) return failTask(store, task, errorMessage(outcome.error));
  const to = endStateFor(outcome.result);
  if (canTransition(task.state, to)) return endUnlessEnded(store, taskId, () => store.transition(taskId, to, { result: outcome.result }));
  const returned = outcome.result.outcome;
  return failTask(store, task, `The task runner returned "${returned}" while the task was ${task.state}, which cannot end as ${to}.`);
}

async function failTask(store: Store, task: Task, message: string): Promise<Task | undefined> {
  await store.appendEvent(task.id, "error", { message });
  return endUnlessEnded(store, task.id, () => store.transition(task.id, "failed", { result: { outcome: "error", message } }));
}

// The task may have ended since it was read (a cancel): then it had already ended.
const endUnlessEnded = (store: Store, taskId: number, end: () => Promise<Task>) => moveUnless(store, taskId, isTerminal, end);
