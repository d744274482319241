import type { GitHub } from "../github/platform.ts";
import type { Log } from "../logger.ts";
import type { RepoRef } from "../tasks/model.ts";
import { listAgentPulls } from "./agent-pulls.ts";
import { renderBacklogBody } from "./backlog-body.ts";
import { ensureBacklogIssue } from "./backlog-issue.ts";
import { startOfUtcDay } from "./due-time.ts";
import { listOpenIssuesWithAnyLabel } from "./listed-issues.ts";
import { issuesToApprove, planSweep, type SweepConfig } from "./plan-sweep.ts";
import { startPicks, type TaskSink } from "./start-picks.ts";
import { sweepApprovals } from "./sweep-approvals.ts";
import type { RepoSweepReport } from "./sweep-report.ts";

export type SweepDeps = TaskSink & { now: () => Date; log: Log };

/**
 * One pass over one opted-in repository: read the backlog and Ferry's pull requests from
 * GitHub, ask who labelled the candidates, plan, then either start the picks (the issue's text
 * as the task's snapshot) or (dry run) update the backlog issue.
 */
export async function sweepRepository(
  deps: SweepDeps,
  client: GitHub,
  repo: RepoRef,
  sweep: SweepConfig,
  dueAt: string,
): Promise<RepoSweepReport> {
  const where = { owner: repo.owner, repo: repo.name };
  const now = deps.now();
  const issues = await listOpenIssuesWithAnyLabel(client, where, sweep.labels);
  const pulls = await listAgentPulls(client, where);
  const spentUsd = await deps.store.spentUsdSince(repo.owner, repo.name, startOfUtcDay(now).toISOString());
  const facts = { ...where, issues, pulls, spentUsd, now };
  const approvals = await sweepApprovals(client, where, await issuesToApprove(deps.store, facts), sweep.labels);
  const plan = await planSweep(deps.store, sweep, { ...facts, approvals });
  const base = { repo: `${repo.owner}/${repo.name}`, dueAt, limits: plan.limits, ...(plan.reason ? { reason: plan.reason } : {}) };

  if (sweep.dryRun) {
    const backlog = await ensureBacklogIssue(client, where, renderBacklogBody(plan), deps.account);
    deps.log.info({ repo: base.repo, dueAt, backlogIssue: backlog.number, action: backlog.action }, "sweep dry run: backlog issue checked");
    return { ...base, status: "dry-run", picked: plan.picks, skipped: plan.skipped, backlogIssue: backlog.number };
  }
  const approved = (number: number) => {
    const issue = issues.find((candidate) => candidate.number === number);
    const approvedBy = approvals.get(number)?.approvedBy;
    return issue && approvedBy ? { title: issue.title, body: issue.body, approvedBy } : undefined;
  };
  const { started, taken } = await startPicks(deps, client, repo, plan.picks.map((pick) => ({ ...pick, issue: approved(pick.number) })), dueAt);
  deps.log.info({ repo: base.repo, dueAt, tasks: started.map((pick) => pick.taskId), skipped: plan.skipped.length }, "sweep started tasks");
  return { ...base, status: "swept", picked: started, skipped: [...taken, ...plan.skipped] };
}
