import { marker } from "../../github/markers.ts";
import { inlineCode } from "../../github/markdown.ts";
import type { Task } from "../../tasks/model.ts";
import { renderChecklist } from "./checklist.ts";
import { explainEnding } from "./explain-ending.ts";
import { pullRequestList } from "./pull-request-list.ts";
import { spendLine } from "./spend-line.ts";
import { steeringLines } from "./steering-lines.ts";
import type { StatusView, TrajectoryLink } from "./status-view.ts";

const TRIGGER_LINES: Record<Task["trigger"], string> = {
  label: "the issue's label",
  command: "`/agent run`",
  sweep: "a scheduled sweep",
};

/** The body of the one status comment a task keeps on its issue. Its marker finds it again. */
export function renderStatusComment(view: StatusView): string {
  const { task } = view;
  const sections = [
    `${marker(task.id, "status")}\n**Ferry** · task ${task.id}`,
    renderChecklist(view),
    steeringLines(view.steering),
    pullRequestList(view.parts),
    explainEnding(view),
    spendLine(task.result),
    trajectoryLine(view.trajectory),
    `<sub>Requested by @${task.requester} through ${TRIGGER_LINES[task.trigger]}. Comment \`/agent help\` for commands.</sub>`,
  ];
  return sections.filter((section) => section !== undefined).join("\n\n");
}

function trajectoryLine(trajectory: TrajectoryLink | undefined): string | undefined {
  if (trajectory?.url) return `<sub>[Trajectory](${trajectory.url}) of the run.</sub>`;
  if (trajectory?.path) return `<sub>Trajectory of the run: ${inlineCode(trajectory.path)} on the server.</sub>`;
  return undefined;
}
