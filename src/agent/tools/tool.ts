import type { z } from "zod";
import type { Baseline } from "../../verification/judge.ts";
import type { Sandbox } from "../../sandbox/sandbox.ts";
import type { Pauses } from "../pauses.ts";
import type { Trajectory } from "../trajectory/trajectory.ts";

/** Policy from `.github/agent.yml`, enforced by the harness before a tool acts. */
export type ToolPolicy = {
  commands: { deny: string[]; approve: string[] };
  paths: { deny: string[] };
};

/** What every tool may use. One context per run. */
export type ToolContext = {
  /** Started, with the network off. Commands run in `/workspace`. */
  sandbox: Sandbox;
  /** The checkout on the host; `/workspace` inside the sandbox is the same directory. */
  workDir: string;
  policy: ToolPolicy;
  /** `test:` from the repository config. */
  testCommand: string;
  /** `testReport:`: where the test command writes JUnit XML, if it does. */
  testReport?: string;
  /** The tests on the untouched base (`verify: per-test`), once measured: `run_tests` judges against it. */
  baseline?: Baseline;
  /** `limits.commandSeconds`, in milliseconds: the most a command may take. */
  commandTimeoutMs: number;
  pauses: Pauses;
  trajectory: Trajectory;
  /** Aborted when the task is cancelled; tools pass it to the sandbox. */
  signal: AbortSignal;
};

/** What a tool hands back to the model, plus facts for the trajectory and the loop. */
export type ToolResult = {
  /** The text the model reads. */
  output: string;
  /** The call failed or was refused (bad arguments, policy, non-zero exit …). */
  isError: boolean;
  /** Small facts for the trajectory: exit code, duration, bytes, … (never whole file contents). */
  details?: Record<string, unknown>;
  /** Time spent waiting for a person; not counted against the run's minutes. */
  pausedMs?: number;
  /** Set by `finish`: the agent says it is done. */
  finish?: { summary: string };
};

export type Tool<Args extends z.ZodType = z.ZodType> = {
  name: string;
  description: string;
  /** Validates the model's arguments; also gives the JSON Schema the model sees. */
  arguments: Args;
  run(args: z.output<Args>, context: ToolContext): Promise<ToolResult>;
};
