import { inlineCode } from "../../github/markdown.ts";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import { isTerminal } from "../../tasks/model.ts";
import { explainAgentOutcome } from "./explain-agent-outcome.ts";
import type { StatusView, TrajectoryLink } from "./status-view.ts";

/** Every ending explained: what happened and, when Ferry itself failed, where an operator looks. */
export function explainEnding(view: StatusView): string | undefined {
  const { task } = view;
  const result = task.result;
  if (!result || !isTerminal(task.state)) return undefined;
  switch (result.outcome) {
    case "cancelled":
      // The reason names who cancelled ("@mona closed the issue").
      return `**cancelled**: ${result.reason}`;
    case "error":
      // Error text can quote what failed: an endpoint with its credentials, a command with a token.
      return `**error**: Ferry stopped with an error: ${redactSecrets(result.message)}\n\n${whatToLookAt(task.id, view.trajectory)}`;
    case "failed":
      return `**failed**: ${redactSecrets(result.reason)}\n\n${whatToLookAt(task.id, view.trajectory)}`;
    default:
      return explainAgentOutcome(result);
  }
}

function whatToLookAt(taskId: number, trajectory: TrajectoryLink | undefined): string {
  const where = trajectory?.url
    ? `[the trajectory](${trajectory.url})`
    : trajectory?.path
      ? `the trajectory file ${inlineCode(trajectory.path)}`
      : `the trajectory files under ${inlineCode(`trajectories/task-${taskId}/`)} in Ferry's data directory`;
  return `For the operator: look at the server logs for task ${taskId} (\`task: ${taskId}\`) and ${where}.`;
}
