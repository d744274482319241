import type { Sandbox } from "../sandbox/sandbox.ts";
import { recordedExec } from "./recorded-exec.ts";
import type { AgentOutcome, Spend } from "../tasks/agent-outcome.ts";
import type { Trajectory } from "./trajectory/trajectory.ts";

export type SetupPhase = {
  command: string | undefined;
  timeoutMs: number;
  sandbox: Sandbox;
  trajectory: Trajectory;
  signal: AbortSignal;
  spend: () => Spend;
};

/**
 * Runs the repository's `setup:` (the only command with network access). A failure ends the
 * run with the command's own output, so the status can show it verbatim.
 */
export async function runSetup(phase: SetupPhase): Promise<AgentOutcome | undefined> {
  if (!phase.command) return undefined;
  const { command } = phase;
  const { result, passed } = await recordedExec("setup", { command }, { ...phase, command });
  if (passed) return undefined;
  const failed = { command: phase.command, exitCode: result.exitCode, timedOut: result.timedOut, output: result.output };
  phase.trajectory.record("run-ended", { outcome: "setup-failed", ...failed });
  return { outcome: "setup-failed", ...failed, spend: phase.spend() };
}
