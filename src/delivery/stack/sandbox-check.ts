import { runTestCommand } from "../../agent/tools/run-tests.ts";
import type { SandboxFactory, SandboxSpec } from "../../sandbox/sandbox.ts";
import { startSandbox } from "../../sandbox/sandbox-error.ts";
import type { CheckPrefix } from "./verify-stack.ts";

export type SandboxCheckOptions = {
  sandboxes: SandboxFactory;
  /** The task's sandbox spec; the check always runs with the network off. */
  spec: Omit<SandboxSpec, "network">;
  /** `pr.checkCommand`, or the test command. */
  command: string;
  /** The most the command may take (`limits.commandSeconds`). */
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * Checks each prefix in a fresh sandbox without network, so nothing one run left in memory or
 * in the shell reaches the next. The sandbox is stopped whatever happens.
 */
export function sandboxCheck(options: SandboxCheckOptions): CheckPrefix {
  const signal = options.signal ?? new AbortController().signal;
  return async () => {
    const sandbox = options.sandboxes();
    try {
      await startSandbox(() => sandbox.start({ ...options.spec, network: false }, { signal }));
      return await runTestCommand({ sandbox, testCommand: options.command, commandTimeoutMs: options.timeoutMs, signal });
    } finally {
      await sandbox.stop();
    }
  };
}
