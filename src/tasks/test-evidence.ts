import { z } from "zod";

/** Most names kept per list in a stored verdict; the counts stay exact. */
export const MAX_NAMES = 50;

const Names = z.array(z.string()).max(MAX_NAMES);

/**
 * A test run judged against the base (SWE-bench's FAIL_TO_PASS and PASS_TO_PASS): which tests
 * this change turned green, which it broke, which were red before it and still are, which flipped
 * on a re-run. `exit-code` when per-test outcomes could not be read (or `verify: exit-code`):
 * then only the exit code decided, and `why` says so.
 */
export const TestEvidence = z.object({
  mode: z.enum(["per-test", "exit-code"]),
  why: z.string().optional(),
  /** Failed on the base, pass now: what the change fixed. */
  newlyPassing: Names,
  /** Passed on the base (or are new) and fail now. */
  regressions: Names,
  /** Failed on the base and still fail: not this change's doing, not blocking. */
  preExisting: Names,
  /** Failed, then passed on a re-run of the same tree. */
  flaky: Names,
  /** Not on the base, pass now: tests the change brought. */
  added: Names,
  /** Passed on the base, gone or skipped now. */
  disappeared: Names,
  counts: z.object({
    newlyPassing: z.number().int().nonnegative(),
    regressions: z.number().int().nonnegative(),
    preExisting: z.number().int().nonnegative(),
    flaky: z.number().int().nonnegative(),
    added: z.number().int().nonnegative(),
    disappeared: z.number().int().nonnegative(),
    /** Tests passing on this run. */
    passing: z.number().int().nonnegative(),
  }),
  /** The test command failed though no test did (a lint step, a crash), where it passed on the base. */
  commandRegressed: z.boolean(),
});
export type TestEvidence = z.infer<typeof TestEvidence>;
