import { agentPullsOf } from "../../../src/sweep/agent-pulls.ts";
import { ListedIssue } from "../../../src/sweep/listed-issues.ts";
import { planSweep, type SweepConfig, type SweepPlan } from "../../../src/sweep/plan-sweep.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { NAME, NOW, OWNER, sweepConfig } from "./sweep-fixture.ts";

export type PlanInput = { pulls?: object[]; sweep?: Partial<SweepConfig>; spentUsd?: number; now?: Date };

/** planSweep over GitHub-shaped issues and pull requests, with the fixture's repository and time. */
export function planFor(store: Store, issues: object[], input: PlanInput = {}): SweepPlan {
  return planSweep(store, sweepConfig(input.sweep), {
    owner: OWNER,
    repo: NAME,
    issues: issues.map((issue) => ListedIssue.parse(issue)),
    pulls: agentPullsOf(input.pulls ?? [], { owner: OWNER, repo: NAME }),
    spentUsd: input.spentUsd ?? 0,
    now: input.now ?? NOW,
  });
}

export const pickedNumbers = (plan: SweepPlan): number[] => plan.picks.map((pick) => pick.number);
export const skipCodes = (plan: SweepPlan): Record<number, string> => Object.fromEntries(plan.skipped.map((skip) => [skip.number, skip.code]));
