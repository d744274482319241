import { redactSecrets } from "../../policy/redact-secrets.ts";
import { inlineCode } from "../../github/markdown.ts";
import type { TaskState } from "../../tasks/model.ts";
import { STAGES, activeStage, stoppedStage, type Stage } from "./stages.ts";
import { spendOf } from "./spend-line.ts";
import type { StatusView } from "./status-view.ts";

const LABELS: Record<Stage, string> = {
  queued: "Queued",
  preparing: "Preparing the workspace",
  setup: "Setup",
  working: "Working",
  testing: "Testing",
  delivering: "Delivering",
};

const ENDINGS: Partial<Record<TaskState, string>> = { done: "✅ **Done**", failed: "❌ **Failed**", cancelled: "🛑 **Cancelled**" };

/**
 * The task as a checklist: finished items checked, the current one in bold, later ones open.
 * A failed or cancelled task marks the item it stopped at and checks its ending.
 */
export function renderChecklist(view: StatusView): string {
  const { state } = view.task;
  const ending = ENDINGS[state];
  const current = state === "done" ? undefined : ending ? stoppedStage(view) : activeStage(state, view.progress);
  const currentIndex = current === undefined ? STAGES.length : STAGES.indexOf(current);
  const items = STAGES.map((stage, index) => {
    if (index < currentIndex) return `- [x] ${LABELS[stage]}${pastDetail(stage, view)}`;
    if (index > currentIndex) return `- [ ] ${LABELS[stage]}`;
    if (ending) return `- [ ] ${state === "failed" ? "❌" : "🛑"} ${LABELS[stage]}${pastDetail(stage, view)}`;
    return `- [ ] ${state === "waiting" ? "✋" : "⏳"} **${LABELS[stage]}**${currentDetail(stage, view)}`;
  });
  return [...items, ending ? `- [x] ${ending}` : "- [ ] Finished"].join("\n");
}

function pastDetail(stage: Stage, view: StatusView): string {
  if (stage !== "working") return "";
  const steps = spendOf(view.task.result)?.steps ?? view.progress?.step;
  return steps ? ` · ${steps} ${steps === 1 ? "step" : "steps"}` : "";
}

function currentDetail(stage: Stage, view: StatusView): string {
  const { progress } = view;
  if (stage === "queued") return ": waiting for a free worker";
  const details: string[] = [];
  if (stage === "working" && progress?.step) details.push(`step ${progress.step}`);
  if (view.task.state === "waiting") details.push(waitingFor(view));
  else if (progress?.lastAction && stage === activeStage(view.task.state, progress)) details.push(progress.lastAction);
  return details.map((detail) => ` · ${detail}`).join("");
}

function waitingFor(view: StatusView): string {
  if (view.pause?.kind === "approval") return `waiting for a maintainer to approve ${inlineCode(shortCommand(view.pause.subject))}`;
  if (view.pause?.kind === "question") return "waiting for a maintainer to answer its question";
  return "waiting for a maintainer";
}

function shortCommand(command: string): string {
  const line = redactSecrets(command).split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
