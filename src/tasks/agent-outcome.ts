import { z } from "zod";
import { TestEvidence } from "./test-evidence.ts";

/*
 * How an agent run ends, as values. They are stored as the task's result, so each has a
 * schema: a result read back from the database is parsed, never trusted.
 */

export const BUDGET_NAMES = ["steps", "tokens", "usd", "minutes"] as const;
export const BudgetName = z.enum(BUDGET_NAMES);
export type BudgetName = z.infer<typeof BudgetName>;

/** The harness's own test run. */
export const TestRun = z.object({
  command: z.string(),
  passed: z.boolean(),
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  durationMs: z.number().nonnegative(),
  /** Head and tail of the output. */
  output: z.string(),
  /**
   * The run judged test by test against the base; `passed` is then that verdict (no regressions,
   * and for the whole change at least one test turned green or added). Absent on runs stored
   * before per-test verification, and on runs with no base to compare (the agent's own `run_tests`).
   */
  evidence: TestEvidence.optional(),
});
export type TestRun = z.infer<typeof TestRun>;

/** What the run spent. `costUsd` is null when the model's price is unknown. */
export const Spend = z.object({
  steps: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative().nullable(),
  minutes: z.number().nonnegative(),
});
export type Spend = z.infer<typeof Spend>;

const ChangedFile = z.object({
  path: z.string(),
  oldPath: z.string().optional(),
  added: z.number().int().nullable(),
  deleted: z.number().int().nullable(),
  binary: z.boolean(),
});

/** A finding of the final checks that keeps the change from being pushed. */
export const SecretBlock = z.object({ path: z.string(), line: z.number().int(), kind: z.string(), excerpt: z.string() });
export type SecretBlock = z.infer<typeof SecretBlock>;

/** A test-weakening flag carried to the pull request body. */
export const WeakeningFlag = z.object({ path: z.string(), kind: z.string(), detail: z.string() });
export type WeakeningFlag = z.infer<typeof WeakeningFlag>;

/**
 * `changes-ready` is the only outcome whose change may be delivered: the harness's own test run
 * passed and no secret was found.
 */
export const AgentOutcome = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("changes-ready"),
    summary: z.string(),
    tests: TestRun,
    files: z.array(ChangedFile),
    weakening: z.array(WeakeningFlag),
    spend: Spend,
  }),
  z.object({ outcome: z.literal("tests-failing"), summary: z.string(), tests: TestRun, spend: Spend }),
  z.object({ outcome: z.literal("no-changes"), summary: z.string(), spend: Spend }),
  z.object({ outcome: z.literal("budget-exhausted"), budget: BudgetName, limit: z.number(), spend: Spend }),
  z.object({ outcome: z.literal("blocked"), findings: z.array(SecretBlock), spend: Spend }),
  z.object({
    outcome: z.literal("setup-failed"),
    /** Which setup: before the agent, or on the fresh checkout of Ferry's own final test run. */
    stage: z.enum(["agent", "final-test"]).optional(),
    command: z.string(),
    exitCode: z.number().int().nullable(),
    timedOut: z.boolean(),
    output: z.string(),
    spend: Spend,
  }),
  z.object({ outcome: z.literal("cancelled"), reason: z.string(), spend: Spend }),
  z.object({ outcome: z.literal("failed"), reason: z.string(), spend: Spend }),
]);
export type AgentOutcome = z.infer<typeof AgentOutcome>;
