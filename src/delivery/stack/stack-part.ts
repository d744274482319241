import type { TestRun } from "../../tasks/agent-outcome.ts";
import type { Slice } from "../split/slice.ts";

/** The result of checking parts 1..k together: the test command (or `pr.checkCommand`) on that tree. */
export type PrefixCheck = TestRun;

/** One part of the stack as committed on the host: its slice, its commit, and the check of the stack up to it. */
export type StackPart = {
  /** 1-based. */
  index: number;
  /** `agent/issue-<N>/part-<k>`. */
  branch: string;
  slice: Slice;
  /** The commit: the base plus parts 1..k, its parent the previous part (or the base). */
  sha: string;
  /** Undefined when `pr.verifyEachPart` is off and this is not the last part. */
  check: PrefixCheck | undefined;
};
