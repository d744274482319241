import type { AgentOutcome, Spend, TestRun } from "../../tasks/agent-outcome.ts";
import { runSetup } from "../../agent/setup-phase.ts";
import type { Trajectory } from "../../agent/trajectory/trajectory.ts";
import type { RepoConfig } from "../../config/repo-config.ts";
import type { SandboxFactory, SandboxSpec } from "../../sandbox/sandbox.ts";
import { startSandbox } from "../../sandbox/sandbox-error.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../../workspace/git.ts";
import type { VerifyCheckout } from "../../workspace/verify-checkout.ts";
import { sandboxCheck } from "./sandbox-check.ts";
import { showTree } from "./show-tree.ts";
import type { Baseline } from "../../verification/judge.ts";

export type FinalTestRunOptions = {
  sandboxes: SandboxFactory;
  /** The task's sandbox spec; the checks mount the verify checkout instead of the agent's tree. */
  spec: Omit<SandboxSpec, "network">;
  config: Pick<RepoConfig, "setup" | "test" | "limits" | "verify" | "testReport">;
  /** The tests on the untouched base: the final run is judged against them. */
  baseline?: Baseline;
  trajectory: Trajectory;
  signal: AbortSignal;
  spend: () => Spend;
};

export type FinalTestRun = { kind: "tested"; tests: TestRun } | { kind: "setup-failed"; outcome: AgentOutcome };

/**
 * Ferry's own test run on the frozen tree, in sandboxes that never saw the agent. `verify` holds
 * a fresh checkout of the base; the repository's `setup` runs on it with network (trusted code
 * only, as before the agent ran) in a sandbox that then stops; the host writes the frozen tree in;
 * the test command runs in a fresh sandbox without network. Nothing the agent's sandbox left
 * behind (ignored files, caches, processes) takes part, and nothing the test run writes is delivered.
 */
export async function finalTestRun(verify: VerifyCheckout, tree: string, options: FinalTestRunOptions): Promise<FinalTestRun> {
  const { config, signal } = options;
  const spec = { ...options.spec, workDir: verify.dir };
  const timeoutMs = config.limits.commandSeconds * 1000;
  if (config.setup) {
    const sandbox = options.sandboxes();
    try {
      await startSandbox(() => sandbox.start({ ...spec, network: true }, { signal }));
      const failed = await runSetup({ command: config.setup, timeoutMs, sandbox, trajectory: options.trajectory, signal, spend: options.spend });
      if (failed) return { kind: "setup-failed", outcome: failed };
    } finally {
      await sandbox.stop();
    }
  }
  await showTree(verify, tree, { timeoutMs: DEFAULT_GIT_TIMEOUTS.localMs, signal });
  const check = sandboxCheck({ sandboxes: options.sandboxes, spec, command: config.test, timeoutMs, signal, baseline: options.baseline, mode: config.verify, testReport: config.testReport });
  const tests = await check({ index: 0, tree, whole: true });
  return { kind: "tested", tests };
}
