import type { RepoSweepReport, SweepReport } from "../sweep/sweep-report.ts";

/** Issue titles are anyone's text: no control characters reach the operator's terminal. */
const printable = (text: string): string => text.replace(/[\p{Cc}\p{Cf}]+/gu, " ").trim();

const HEADLINES: Record<RepoSweepReport["status"], string> = {
  swept: "swept",
  "dry-run": "dry run, nothing started",
  "not-opted-in": "not opted in",
  "invalid-config": "not swept, invalid config",
  "not-installed": "not installed",
  failed: "sweep failed",
};

/** What `ferry sweep` prints: per repository what was picked and skipped, and why. */
export function renderSweepSummary(report: SweepReport): string {
  const { repositories } = report;
  if (repositories.length === 0) return "No repositories: the App is not installed on any yet.\n";
  // A named repository gets its whole story; across many, those that did not opt in share one line.
  const many = repositories.length > 1;
  const shown = many ? repositories.filter((repo) => repo.status !== "not-opted-in") : repositories;
  const idle = many ? repositories.filter((repo) => repo.status === "not-opted-in") : [];
  const lines = shown.flatMap(repoLines);
  if (idle.length > 0) lines.push(`Not opted in (no sweep: in .github/agent.yml): ${idle.map((repo) => repo.repo).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function repoLines(repo: RepoSweepReport): string[] {
  const backlog = repo.backlogIssue === undefined ? "" : `; backlog issue #${repo.backlogIssue}`;
  const lines = [`${repo.repo}: ${HEADLINES[repo.status]}${backlog}${repo.reason ? ` (${printable(repo.reason)})` : ""}`];
  const verb = repo.status === "dry-run" ? "would pick" : "started";
  for (const pick of repo.picked) {
    const task = pick.taskId === undefined ? "" : ` → task ${pick.taskId}`;
    lines.push(`  ${verb} #${pick.number} ${printable(pick.title)}${task} (${pick.why})`);
  }
  for (const skip of repo.skipped) lines.push(`  skipped #${skip.number} ${printable(skip.title)}: ${skip.reason}`);
  if (repo.limits) {
    const { maxPerRun, openPulls, maxOpenPRs, spentUsd, maxUsdPerDay } = repo.limits;
    lines.push(`  limits: ${maxPerRun} per sweep; ${openPulls} of ${maxOpenPRs} agent pull requests open; $${spentUsd.toFixed(2)} of $${maxUsdPerDay.toFixed(2)} spent today (UTC)`);
  }
  return lines;
}
