import type { TaskResult } from "../../../src/tasks/model.ts";
import type { RunContext, TaskRunner } from "../../../src/tasks/queue-types.ts";
import { deferred } from "./deferred.ts";
import type { Deferred } from "./deferred.ts";

export const NO_CHANGES_RESULT: TaskResult = { outcome: "no-changes", summary: "test run", spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 } };

/**
 * A runner the test drives: each call announces itself through `started(taskId)` and then
 * waits until the test calls `finish` or `crash` for that run, or its signal is aborted. Runs are
 * told apart by task id and run number (1 unless said otherwise).
 */
export function controlledRunner() {
  const starts = new Map<string, Deferred<RunContext>>();
  const ends = new Map<string, Deferred<TaskResult>>();
  const calls: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const slot = <T>(map: Map<string, Deferred<T>>, taskId: number, run: number): Deferred<T> => {
    const key = `${taskId}/${run}`;
    const existing = map.get(key);
    if (existing) return existing;
    const created = deferred<T>();
    map.set(key, created);
    return created;
  };

  const runner: TaskRunner = async (context) => {
    calls.push(context.task.id);
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    slot(starts, context.task.id, context.run.number).resolve(context);
    try {
      return await Promise.race([slot(ends, context.task.id, context.run.number).promise, abortOf(context.signal)]);
    } finally {
      running -= 1;
    }
  };

  return {
    runner,
    calls,
    maxRunning: () => maxRunning,
    running: () => running,
    started: (taskId: number, run = 1): Promise<RunContext> => slot(starts, taskId, run).promise,
    finish: (taskId: number, result: TaskResult = NO_CHANGES_RESULT, run = 1): void =>
      slot(ends, taskId, run).resolve(result),
    crash: (taskId: number, error: unknown, run = 1): void => slot(ends, taskId, run).reject(error),
  };
}

/** Walks a started run to `delivering`, where a no-changes result may end it as done. */
export async function moveToDelivering(context: RunContext): Promise<void> {
  for (const state of ["preparing", "running", "verifying", "delivering"] as const) await context.moveTo(state);
}

function abortOf(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
