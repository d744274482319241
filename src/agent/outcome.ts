import type { ChangedFile } from "../workspace/numstat.ts";

/** A budget that can end a run. */
export type BudgetName = "steps" | "tokens" | "usd" | "minutes";

/** The harness's own test run. */
export type TestRun = {
  command: string;
  passed: boolean;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** Head and tail of the output. */
  output: string;
};

/** What the run spent. `costUsd` is null when the model's price is unknown. */
export type Spend = {
  steps: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: number | null;
  minutes: number;
};
