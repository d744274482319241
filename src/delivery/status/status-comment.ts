import type { Task, TaskState } from "../tasks/model.ts";
import { marker } from "../github/markers.ts";
import { describeOutcome } from "../agent/describe-outcome.ts";
import type { AgentOutcome } from "../agent/outcome.ts";

const STATE_LINES: Record<TaskState, string> = {
  queued: "⏳ Queued: waiting for a free worker.",
  preparing: "📦 Preparing the workspace.",
  running: "🛠️ Working on the issue.",
  waiting: "✋ Waiting for an answer from a maintainer.",
  verifying: "🔎 Verifying the result with the repository's tests.",
  delivering: "🚚 Opening the pull requests.",
  done: "✅ Done.",
  failed: "❌ Failed.",
  cancelled: "🛑 Cancelled.",
};

const TRIGGER_LINES: Record<Task["trigger"], string> = {
  label: "the issue's label",
  command: "`/agent run`",
  sweep: "a scheduled sweep",
};

function resultLine(task: Task): string | undefined {
  const result = task.result;
  if (!result) return undefined;
  switch (result.outcome) {
    case "placeholder":
      return `> [!NOTE]\n> ${result.message}`;
    case "cancelled":
      return `Reason: ${result.reason}`;
    case "error":
      return `What went wrong: ${result.message}`;
    default:
      return agentLines(result);
  }
}

/** How the agent's run ended, and what it spent. Pull requests arrive with delivery. */
function agentLines(outcome: AgentOutcome): string {
  const { spend } = outcome;
  const cost = spend.costUsd === null ? "cost unknown" : `$${spend.costUsd.toFixed(2)}`;
  const lines = [
    `**${outcome.outcome}**: ${describeOutcome(outcome)}`,
    "",
    `${spend.steps} steps · ${spend.inputTokens + spend.outputTokens} tokens · ${cost} · ${spend.minutes.toFixed(1)} min`,
  ];
  if (outcome.outcome === "changes-ready") lines.push("", "> [!NOTE]\n> Opening pull requests is not in this build of Ferry yet: the change was verified but is not pushed.");
  return lines.join("\n");
}

/** The body of the one status comment a task keeps on its issue. Its marker finds it again. */
export function renderStatusComment(task: Task): string {
  const lines = [
    marker(task.id, "status"),
    `**Ferry** · task ${task.id}`,
    "",
    STATE_LINES[task.state],
    resultLine(task),
    "",
    `<sub>Requested by @${task.requester} through ${TRIGGER_LINES[task.trigger]}. Comment \`/agent help\` for commands.</sub>`,
  ];
  return lines.filter((line) => line !== undefined).join("\n");
}
