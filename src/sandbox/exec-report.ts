import type { ExecResult } from "./sandbox.ts";

/** One line on how a command ended, in words the model can act on. */
export function execStatus(result: ExecResult, timeoutMs: number): string {
  if (result.timedOut) return `Stopped after ${seconds(timeoutMs)}: the command reached its time limit and was killed, with everything it started.`;
  if (result.oomKilled) {
    return `Out of memory: a process of the command was killed for using more memory than the sandbox allows (exit code ${result.exitCode}). Use less memory, e.g. fewer parallel workers.`;
  }
  if (result.exitCode === null) return `The sandbox shell ended before the command finished (after ${seconds(result.durationMs)}).`;
  return `Exit code ${result.exitCode} (${seconds(result.durationMs)}).`;
}

/** The output as the sandbox kept it (head and tail of long output), or a word when there was none. */
export const execOutput = (result: ExecResult): string => (result.output === "" ? "(no output)" : result.output);

/** Facts for the trajectory; never the output itself. */
export const execDetails = (result: ExecResult, timeoutMs: number): Record<string, unknown> => ({
  exitCode: result.exitCode,
  durationMs: result.durationMs,
  timeoutMs,
  timedOut: result.timedOut,
  oomKilled: result.oomKilled,
  truncated: result.truncated,
  outputBytes: Buffer.byteLength(result.output),
});

export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
