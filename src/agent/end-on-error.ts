import type { AgentRun } from "./agent-run.ts";
import { ModelError } from "./models/model-error.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import { SandboxError, SandboxStartError } from "../sandbox/sandbox-error.ts";
import { errorMessage } from "../error-message.ts";

/** Turns what stopped the loop into its outcome: a cancellation, a model or sandbox that cannot be used, or a crash. */
export function endOnError(error: unknown, run: Pick<AgentRun, "budgets" | "toolContext">): AgentOutcome {
  const spend = run.budgets.spend();
  const { signal, trajectory } = run.toolContext;
  if (signal.aborted) {
    const reason = errorMessage(signal.reason ?? "cancelled");
    trajectory.record("run-ended", { outcome: "cancelled", reason });
    return { outcome: "cancelled", reason, spend };
  }
  const reason = reasonOf(error);
  trajectory.record("run-ended", { outcome: "failed", reason });
  return { outcome: "failed", reason, spend };
}

/** Whose failure it was: the model's, the sandbox's (its message says which part), or else the agent's. */
function reasonOf(error: unknown): string {
  if (error instanceof ModelError) return `The model failed (${error.kind}): ${error.message}`;
  if (error instanceof SandboxStartError) return error.message;
  if (error instanceof SandboxError) return `The sandbox failed: ${error.message}`;
  return `The agent crashed: ${errorMessage(error)}`;
}
