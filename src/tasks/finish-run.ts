import { errorMessage } from "../error-message.ts";
import type { Task, TaskResult, TaskState } from "./model.ts";
import { isTerminal } from "./model.ts";
import { canTransition } from "./state-machine.ts";
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
export function finishRun(store: Store, taskId: number, outcome: RunnerOutcome): Task | undefined {
  const task = store.getTask(taskId);
  if (!task || isTerminal(task.state)) return undefined;
  if (!outcome.ok) return failTask(store, taskId, errorMessage(outcome.error));
  const to = endStateFor(outcome.result);
  if (canTransition(task.state, to)) return store.transition(taskId, to, { result: outcome.result });
  const returned = outcome.result.outcome;
  return failTask(store, taskId, `The task runner returned "${returned}" while the task was ${task.state}, which cannot end as ${to}.`);
}

function failTask(store: Store, taskId: number, message: string): Task {
  store.appendEvent(taskId, "error", { message });
  return store.transition(taskId, "failed", { result: { outcome: "error", message } });
}
