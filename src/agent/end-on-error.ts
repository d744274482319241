import type { AgentRun } from "./agent-run.ts";
import { ModelError } from "./models/model-error.ts";
import type { AgentOutcome } from "./outcome.ts";

/** Turns what stopped the loop into its outcome: a cancellation, a model that cannot be used, or a crash. */
export function endOnError(error: unknown, run: Pick<AgentRun, "budgets" | "toolContext">): AgentOutcome {
  const spend = run.budgets.spend();
  const { signal, trajectory } = run.toolContext;
  if (signal.aborted) {
    const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? "cancelled");
    trajectory.record("run-ended", { outcome: "cancelled", reason });
    return { outcome: "cancelled", reason, spend };
  }
  const reason = error instanceof ModelError ? `The model failed (${error.kind}): ${error.message}` : `The agent crashed: ${messageOf(error)}`;
  trajectory.record("run-ended", { outcome: "failed", reason });
  return { outcome: "failed", reason, spend };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
