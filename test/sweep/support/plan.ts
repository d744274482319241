import { agentPullsOf } from "../../../src/sweep/agent-pulls.ts";
import { ListedIssueShape, PullShape } from "../../../src/github/rest-shapes.ts";
import { planSweep, type SweepConfig, type SweepPlan } from "../../../src/sweep/plan-sweep.ts";
import type { Approval } from "../../../src/sweep/sweep-approvals.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { NAME, NOW, OWNER, sweepConfig } from "./sweep-fixture.ts";

/** `approvals`: who approved each issue; by default a maintainer approved every one. */
export type PlanInput = { pulls?: object[]; sweep?: Partial<SweepConfig>; spentUsd?: number; now?: Date; approvals?: ReadonlyMap<number, Approval> };

/** planSweep over GitHub-shaped issues and pull requests, with the fixture's repository and time. */
export async function planFor(store: Store, issues: object[], input: PlanInput = {}): Promise<SweepPlan> {
  const listed = issues.map((issue) => ListedIssueShape.parse(issue).issue);
  return planSweep(store, sweepConfig(input.sweep), {
    owner: OWNER,
    repo: NAME,
    issues: listed,
    approvals: input.approvals ?? new Map(listed.map((issue) => [issue.number, { approvedBy: "maintainer" }])),
    pulls: agentPullsOf((input.pulls ?? []).map((pull) => PullShape.parse(pull)), { owner: OWNER, repo: NAME }),
    spentUsd: input.spentUsd ?? 0,
    now: input.now ?? NOW,
  });
}

export const pickedNumbers = (plan: SweepPlan): number[] => plan.picks.map((pick) => pick.number);
export const skipCodes = (plan: SweepPlan): Record<number, string> => Object.fromEntries(plan.skipped.map((skip) => [skip.number, skip.code]));
