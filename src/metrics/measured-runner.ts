import type { RunContext, TaskRunner } from "../tasks/queue-types.ts";
import type { TaskState } from "../tasks/model.ts";
import type { FerryMetrics } from "./ferry-metrics.ts";
import { inTaskScope } from "./task-scope.ts";

type RunnerMetrics = Pick<FerryMetrics, "busySlots" | "taskRunSeconds" | "phaseSeconds">;

/**
 * The task runner, measured: a busy slot while it runs, the run's duration by outcome, the
 * time spent in each working state it moves through, and the task's repository in scope for
 * the model's spend. Whichever queue calls it (in-process or pg-boss) gets the same metrics.
 */
export function measuredRunner(runner: TaskRunner, metrics: RunnerMetrics, now: () => number = performance.now.bind(performance)): TaskRunner {
  return async (context) => {
    const started = now();
    let phase: { state: TaskState; since: number } | undefined;
    const endPhase = () => {
      if (phase) metrics.phaseSeconds.observe({ phase: phase.state }, (now() - phase.since) / 1000);
      phase = undefined;
    };
    const measured: RunContext = {
      ...context,
      async moveTo(state, reason) {
        const moved = await context.moveTo(state, reason);
        if (phase?.state !== state) {
          endPhase();
          phase = { state, since: now() };
        }
        return moved;
      },
    };
    metrics.busySlots.inc();
    let outcome = "error";
    try {
      const result = await inTaskScope(`${context.task.repo.owner}/${context.task.repo.name}`, () => runner(measured));
      outcome = result.outcome;
      return result;
    } finally {
      endPhase();
      metrics.busySlots.dec();
      metrics.taskRunSeconds.observe({ outcome }, (now() - started) / 1000);
    }
  };
}
