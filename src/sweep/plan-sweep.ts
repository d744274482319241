import type { RepoConfig } from "../config/repo-config.ts";
import type { Store } from "../tasks/store.ts";
import type { AgentPulls } from "./agent-pulls.ts";
import type { ListedIssue } from "./listed-issues.ts";
import { rankIssues, whyPicked } from "./rank-issues.ts";
import { skipReason } from "./skip-reason.ts";
import type { Approval } from "./sweep-approvals.ts";
import type { PickedIssue, SkippedIssue, SweepLimits } from "./sweep-report.ts";

export type SweepConfig = NonNullable<RepoConfig["sweep"]>;

export type SweepFacts = {
  owner: string;
  repo: string;
  issues: readonly ListedIssue[];
  pulls: AgentPulls;
  /** What the repository's runs cost since midnight UTC. */
  spentUsd: number;
  now: Date;
  /** Who approved each issue (sweep-approvals.ts); an issue missing here is not approved. */
  approvals: ReadonlyMap<number, Approval>;
};

export type SweepPlan = { picks: PickedIssue[]; skipped: SkippedIssue[]; limits: SweepLimits; reason?: string };

/**
 * Decides which issues a sweep starts: every selection rule (a writer's approval last), then the
 * ranking, then the caps (per run, open agent pull requests, USD per day). Reads the store, writes nothing.
 */
export async function planSweep(store: Store, sweep: SweepConfig, facts: SweepFacts): Promise<SweepPlan> {
  const skipped: SkippedIssue[] = [];
  const eligible: ListedIssue[] = [];
  for (const issue of facts.issues) {
    const skip = skipReason({ ...(await issueFacts(store, facts, issue)), approval: facts.approvals.get(issue.number) }, facts.now);
    if (skip) skipped.push({ number: issue.number, title: issue.title, ...skip });
    else eligible.push(issue);
  }
  const limits = { maxPerRun: sweep.maxPerRun, openPulls: facts.pulls.open, maxOpenPRs: sweep.maxOpenPRs, spentUsd: facts.spentUsd, maxUsdPerDay: sweep.maxUsdPerDay };
  const cap = capOf(limits);
  const ranked = rankIssues(eligible);
  const picks = ranked.slice(0, cap.slots).map((issue) => ({ number: issue.number, title: issue.title, why: whyPicked(issue) }));
  const over = ranked.slice(cap.slots).map((issue) => ({ number: issue.number, title: issue.title, code: cap.code, reason: cap.reason }));
  return { picks, skipped: [...skipped, ...over], limits, ...(cap.slots === 0 && over.length > 0 ? { reason: cap.reason } : {}) };
}

/** The issues no rule but approval passes over: the ones whose approval is worth asking GitHub about. */
export async function issuesToApprove(store: Store, facts: Omit<SweepFacts, "approvals">): Promise<ListedIssue[]> {
  const approved = { approvedBy: "(not asked yet)" };
  const worthAsking: ListedIssue[] = [];
  for (const issue of facts.issues) if (!skipReason({ ...(await issueFacts(store, facts, issue)), approval: approved }, facts.now)) worthAsking.push(issue);
  return worthAsking;
}

/** Read, not locked: the plan only advises; Store.createTask decides atomically whether a pick gets a task. */
async function issueFacts(store: Store, facts: Omit<SweepFacts, "approvals">, issue: ListedIssue) {
  return {
    issue,
    activeTask: await store.findActiveTask(facts.owner, facts.repo, issue.number),
    latestTask: await store.latestTaskFor(facts.owner, facts.repo, issue.number),
    pulls: facts.pulls.byIssue.get(issue.number) ?? [],
  };
}

type Cap = { slots: number; code: "limit" | "budget"; reason: string };

/** How many issues may start, and what to say about the ones beyond that; the tightest limit speaks. */
function capOf(limits: SweepLimits): Cap {
  if (limits.spentUsd >= limits.maxUsdPerDay) {
    const spent = `$${limits.spentUsd.toFixed(2)} of $${limits.maxUsdPerDay.toFixed(2)}`;
    return { slots: 0, code: "budget", reason: `the daily budget is spent: ${spent} since 00:00 UTC (sweep.maxUsdPerDay)` };
  }
  const room = Math.max(0, limits.maxOpenPRs - limits.openPulls);
  if (room < limits.maxPerRun) {
    const open = `${limits.openPulls} of ${limits.maxOpenPRs} agent pull requests are open`;
    return { slots: room, code: "limit", reason: `${open} (sweep.maxOpenPRs)` };
  }
  return { slots: limits.maxPerRun, code: "limit", reason: `${limits.maxPerRun} per sweep at most (sweep.maxPerRun)` };
}
