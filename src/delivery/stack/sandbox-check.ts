import type { SandboxFactory, SandboxSpec } from "../../sandbox/sandbox.ts";
import { startSandbox } from "../../sandbox/sandbox-error.ts";
import type { CheckPrefix } from "./verify-stack.ts";
import { judgedTestRun, type Baseline } from "../../verification/judge.ts";
import { readTestRun } from "../../verification/read-test-run.ts";

export type SandboxCheckOptions = {
  sandboxes: SandboxFactory;
  /** The task's sandbox spec; the check always runs with the network off. */
  spec: Omit<SandboxSpec, "network">;
  /** `pr.checkCommand`, or the test command. */
  command: string;
  /** The most the command may take (`limits.commandSeconds`). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The tests on the base, which each check is judged against; none, or `exit-code`, and the exit code decides. */
  baseline?: Baseline;
  mode?: "per-test" | "exit-code";
  /** `testReport:`, read after the command when it is the test command. */
  testReport?: string;
};

/**
 * Checks each prefix in a fresh sandbox without network, so nothing one run left in memory or
 * in the shell reaches the next, judged test by test against the base (re-run when a test
 * regresses, to tell a flaky one). The sandbox is stopped whatever happens.
 */
export function sandboxCheck(options: SandboxCheckOptions): CheckPrefix {
  const signal = options.signal ?? new AbortController().signal;
  return async ({ whole }) => {
    const sandbox = options.sandboxes();
    try {
      await startSandbox(() => sandbox.start({ ...options.spec, network: false }, { signal }));
      const context = { sandbox, testCommand: options.command, commandTimeoutMs: options.timeoutMs, signal, testReport: options.testReport };
      return await judgedTestRun(() => readTestRun(context), options.baseline, { scope: whole ? "whole" : "prefix", mode: options.mode ?? "exit-code" });
    } finally {
      await sandbox.stop();
    }
  };
}
