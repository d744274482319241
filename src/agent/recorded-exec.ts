import type { ExecResult, Sandbox } from "../sandbox/sandbox.ts";
import type { Trajectory } from "./trajectory/trajectory.ts";

export type RecordedExec = {
  sandbox: Sandbox;
  command: string;
  timeoutMs: number;
  trajectory: Trajectory;
  signal: AbortSignal;
};

/**
 * A harness command in the sandbox (setup, putting a delivery back), recorded on the trajectory
 * as the tool call `name` with `facts`; its output is kept only when it failed.
 */
export async function recordedExec(name: string, facts: Record<string, unknown>, run: RecordedExec): Promise<{ result: ExecResult; passed: boolean }> {
  const result = await run.sandbox.exec(run.command, { timeoutMs: run.timeoutMs, signal: run.signal });
  const passed = result.exitCode === 0 && !result.timedOut;
  run.trajectory.record("tool-call", {
    name,
    ...facts,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    durationMs: result.durationMs,
    output: passed ? "" : result.output,
  });
  return { result, passed };
}
