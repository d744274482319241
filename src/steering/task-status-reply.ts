import type { RepoConfig } from "../config/repo-config.ts";
import { pullRequestList } from "../delivery/status/pull-request-list.ts";
import type { Progress } from "../delivery/status/progress.ts";
import { spendOf } from "../delivery/status/spend-line.ts";
import type { TrajectoryLink } from "../delivery/status/status-view.ts";
import { isTerminal, type FollowUp, type Run, type Task, type PublishedPart } from "../tasks/model.ts";

/** What `/agent status` answers about a task. */
export type TaskStatusView = {
  task: Task;
  runs: readonly Run[];
  progress?: Progress | undefined;
  parts: readonly PublishedPart[];
  trajectory?: TrajectoryLink | undefined;
  /** The repository's budgets; undefined when its config could not be read. */
  limits?: RepoConfig["limits"] | undefined;
  followUps: readonly FollowUp[];
  now: Date;
};

/** State, current step, budgets used against their limits, and the links, in a few lines. */
export function renderTaskStatusReply(view: TaskStatusView): string {
  const { task } = view;
  const run = view.runs.at(-1);
  const lines = [`**Task ${task.id}** is **${task.state}**${run ? ` · run ${run.number}, ${sinceText(run, view.now)}` : ""}.`];
  const step = stepLine(view);
  if (step) lines.push(step);
  lines.push(budgetLine(view));
  const pulls = pullRequestList(view.parts);
  if (pulls) lines.push(pulls);
  const waiting = view.followUps.filter((followUp) => followUp.runId === null);
  if (waiting.length > 0) lines.push(`**Queued follow-ups**: ${waiting.map((followUp) => `${followUp.kind} from @${followUp.author}`).join(", ")}`);
  if (view.trajectory?.url) lines.push(`[Trajectory](${view.trajectory.url}) of the latest run.`);
  else if (view.trajectory?.path) lines.push(`Trajectory of the latest run: \`${view.trajectory.path}\` on the server.`);
  return lines.join("\n\n");
}

function sinceText(run: Run, now: Date): string {
  const end = run.endedAt ? Date.parse(run.endedAt) : now.getTime();
  const minutes = Math.max(0, (end - Date.parse(run.startedAt)) / 60_000);
  return run.endedAt ? `ran ${minutes.toFixed(1)} min` : `running for ${minutes.toFixed(1)} min`;
}

function stepLine(view: TaskStatusView): string | undefined {
  if (isTerminal(view.task.state) || !view.progress) return undefined;
  const { phase, step, lastAction } = view.progress;
  return `**Now**: ${phase}, step ${step}${lastAction ? ` · last: ${lastAction}` : ""}`;
}

/** While running, from the agent's progress; once ended, from the run's recorded spend. */
function budgetLine(view: TaskStatusView): string {
  const spend = spendOf(view.task.result);
  const live = isTerminal(view.task.state) ? undefined : view.progress;
  const steps = spend?.steps ?? live?.step ?? 0;
  const tokens = spend ? spend.inputTokens + spend.outputTokens : (live?.tokens ?? 0);
  const usd = spend ? spend.costUsd : (live?.costUsd ?? null);
  const { limits } = view;
  const of = (limit: number | undefined, format: (value: number) => string) => (limit === undefined ? "" : ` of ${format(limit)}`);
  const usdText = usd === null ? "cost unknown" : `$${usd.toFixed(2)}${of(limits?.usd, (limit) => `$${limit.toFixed(2)}`)}`;
  const parts = [
    `${steps}${of(limits?.steps, String)} steps`,
    `${tokens.toLocaleString("en-US")}${of(limits?.tokens, (limit) => limit.toLocaleString("en-US"))} tokens`,
    usdText,
  ];
  if (spend) parts.push(`${spend.minutes.toFixed(1)}${of(limits?.minutes, String)} min`);
  return `**Budgets used** (this run): ${parts.join(" · ")}`;
}
