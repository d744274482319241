import { frozenChangeFindings } from "../../agent/final-checks.ts";
import type { AgentOutcome, SecretBlock } from "../../tasks/agent-outcome.ts";
import type { Trajectory } from "../../agent/trajectory/trajectory.ts";
import type { RepoConfig } from "../../config/repo-config.ts";
import { checkTestWeakening } from "../../policy/test-weakening.ts";
import type { SandboxFactory, SandboxSpec } from "../../sandbox/sandbox.ts";
import { changeFacts } from "../../workspace/change-facts.ts";
import type { Checkout } from "../../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../../workspace/git.ts";
import type { ChangedFile } from "../../workspace/numstat.ts";
import type { VerifyCheckout } from "../../workspace/verify-checkout.ts";
import { createVerifyCheckout } from "../../workspace/verify-checkout.ts";
import type { Workspaces } from "../../workspace/workspaces.ts";
import { finalTestRun } from "./final-test-run.ts";
import type { Baseline } from "../../verification/judge.ts";

type ChangesReady = Extract<AgentOutcome, { outcome: "changes-ready" }>;

/** The change as frozen and checked: every later step (split, commits, push) works from `tree`. */
export type FrozenChange = { tree: string; files: ChangedFile[]; verify: VerifyCheckout };

export type FrozenVerdict = { kind: "ready"; outcome: ChangesReady; change: FrozenChange } | { kind: "ended"; outcome: Exclude<AgentOutcome, ChangesReady> };

export type FrozenVerdictInput = {
  checkout: Checkout;
  config: Pick<RepoConfig, "paths" | "setup" | "test" | "limits" | "verify" | "testReport">;
  /** The tests on the untouched base, measured before the agent ran. */
  baseline?: Baseline;
  /** The agent loop's verdict, taken while its sandbox ran: only a claim from here on. */
  outcome: ChangesReady;
  spec: Omit<SandboxSpec, "network">;
  trajectory: Trajectory;
  signal: AbortSignal;
  /** Called once there is a change to check (the task moves to `verifying`). */
  beforeChecks?(): Promise<void>;
};

/**
 * The verdict that decides delivery, taken once the agent's sandbox has stopped: the work tree
 * is frozen as a tree object; that tree's change against the base is path-checked and
 * secret-scanned (every added or changed blob) and tested in fresh sandboxes on Ferry's own
 * checkout of it. The tree that passes is the one the stack is built from, so what is pushed is
 * what was scanned and tested.
 */
export async function verifyFrozenChange(deps: { workspaces: Workspaces; sandboxes: SandboxFactory }, input: FrozenVerdictInput): Promise<FrozenVerdict> {
  const { checkout, config, outcome, trajectory, signal } = input;
  const { summary, spend } = outcome;
  const deadline = { timeoutMs: DEFAULT_GIT_TIMEOUTS.localMs, signal };
  const snapshot = await deps.workspaces.snapshot(checkout, { signal });
  if (snapshot.kind === "refused") {
    const findings = snapshot.paths.map((path) => ({ path, line: 0, kind: "not deliverable", excerpt: snapshot.reason }));
    return ended(trajectory, { outcome: "blocked", findings, spend }, { check: "frozen-change", findings });
  }
  const { tree } = snapshot;
  const diff = await deps.workspaces.changes(checkout, tree, { signal });
  if (diff.files.length === 0) return ended(trajectory, { outcome: "no-changes", summary, spend }, { check: "frozen-change", tree, findings: [] });
  await input.beforeChecks?.();
  const findings: SecretBlock[] = frozenChangeFindings({ ...(await changeFacts(checkout.gitDir, checkout.baseSha, tree, deadline)), deny: config.paths.deny });
  trajectory.record("check", { check: "frozen-change", tree, findings });
  if (findings.length > 0) return ended(trajectory, { outcome: "blocked", findings, spend });
  const verify = await createVerifyCheckout(checkout, deadline);
  const run = await finalTestRun(verify, tree, { sandboxes: deps.sandboxes, spec: input.spec, config, baseline: input.baseline, trajectory, signal, spend: () => spend });
  if (run.kind === "setup-failed") return { kind: "ended", outcome: { ...settled(run.outcome), ...(run.outcome.outcome === "setup-failed" && { stage: "final-test" as const }) } };
  const { tests } = run;
  trajectory.record("test-run", { by: "ferry", tree, ...tests });
  if (!tests.passed) return ended(trajectory, { outcome: "tests-failing", summary, tests, spend });
  const weakening = checkTestWeakening(diff);
  trajectory.record("check", { check: "test-weakening", tree, findings: weakening });
  return { kind: "ready", outcome: { outcome: "changes-ready", summary, tests, files: diff.files, weakening, spend }, change: { tree, files: diff.files, verify } };
}

function ended(trajectory: Trajectory, outcome: Exclude<AgentOutcome, ChangesReady>, check?: Record<string, unknown>): FrozenVerdict {
  if (check) trajectory.record("check", check);
  trajectory.record("run-ended", { outcome: outcome.outcome, on: "frozen-tree" });
  return { kind: "ended", outcome };
}

/** runSetup only ends a run one way; anything else would be a bug here. */
function settled(outcome: AgentOutcome): Exclude<AgentOutcome, ChangesReady> {
  if (outcome.outcome === "changes-ready") throw new Error("The setup of the final test run cannot make a change ready");
  return outcome;
}
