import { marker } from "../../github/markers.ts";
import type { Task } from "../../tasks/model.ts";
import { renderChecklist } from "./checklist.ts";
import { explainEnding } from "./explain-ending.ts";
import { keptOnServer, publicTrajectory } from "./public-trajectory.ts";
import { pullRequestList } from "./pull-request-list.ts";
import { spendLine } from "./spend-line.ts";
import { steeringLines } from "./steering-lines.ts";
import type { StatusView, TrajectoryLink } from "./status-view.ts";

/** Who started the task, and how; a sweep names no one (its requester is not a GitHub account to mention). */
const TRIGGER_LINES: Record<Task["trigger"], (requester: string) => string> = {
  label: (requester) => `Requested by @${requester} through the issue's label.`,
  command: (requester) => `Requested by @${requester} through \`/agent run\`.`,
  sweep: () => "Picked up by a backlog sweep (scheduled, or `ferry sweep --now`).",
};

/** The body of the one status comment a task keeps on its issue. Its marker finds it again. */
export function renderStatusComment(shown: StatusView): string {
  // Public text: the trajectory is a signed link or a name in the data directory, never a server path.
  const view = { ...shown, trajectory: publicTrajectory(shown.trajectory) };
  const { task } = view;
  const sections = [
    `${marker(task.id, "status")}\n**Ferry** · task ${task.id}`,
    renderChecklist(view),
    steeringLines(view.steering),
    pullRequestList(view.parts),
    explainEnding(view),
    spendLine(task.result),
    noteLines(view.notes),
    trajectoryLine(view.trajectory),
    `<sub>${TRIGGER_LINES[task.trigger](task.requester)} Comment \`/agent help\` for commands.</sub>`,
  ];
  return sections.filter((section) => section !== undefined).join("\n\n");
}

function trajectoryLine(trajectory: TrajectoryLink | undefined): string | undefined {
  if (trajectory?.url) return `<sub>[Trajectory](${trajectory.url}) of the run.</sub>`;
  if (trajectory?.path) return `<sub>Trajectory of the run: ${keptOnServer(trajectory.path)}.</sub>`;
  return undefined;
}

function noteLines(notes: readonly string[] | undefined): string | undefined {
  return notes && notes.length > 0 ? notes.map((note) => `<sub>${note}.</sub>`).join("\n") : undefined;
}
