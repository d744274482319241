import type { Task, TaskState } from "../tasks/model.ts";
import { marker } from "../github/markers.ts";

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
  }
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
