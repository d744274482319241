import type { Checkout } from "../../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../../workspace/git.ts";
import type { VerifyCheckout } from "../../workspace/verify-checkout.ts";
import type { Slice } from "../split/slice.ts";
import type { CommitStackOptions } from "./commit-stack.ts";
import { commitStack } from "./commit-stack.ts";
import { prefixTrees } from "./prefix-trees.ts";
import type { StackMerge } from "./stack-merge.ts";
import type { StackPart } from "./stack-part.ts";
import type { CheckPrefix } from "./verify-stack.ts";
import { verifyStack } from "./verify-stack.ts";

export type BuildStackOptions = Pick<CommitStackOptions, "issueNumber" | "message" | "author" | "coAuthor" | "date" | "previous"> & {
  checkout: Pick<Checkout, "gitDir" | "baseSha">;
  /** The frozen change that was checked: the last part's tree is exactly this. */
  tree: string;
  /** Where checks run (the change's checkout for Ferry, apart from the agent's tree). */
  verify: VerifyCheckout;
  /** The split of the change, in stack order. */
  slices: readonly Slice[];
  /** `pr.verifyEachPart`. */
  verifyEachPart: boolean;
  check: CheckPrefix;
  /** Per git call; the local default otherwise. */
  gitTimeoutMs?: number;
  signal?: AbortSignal;
};

/**
 * `whole-change-failed`: the whole change failed its check (the last part's `check` says how);
 * the parts are committed all the same, and the caller decides whether to deliver them.
 */
export type BuiltStack = {
  outcome: "passed" | "whole-change-failed";
  parts: StackPart[];
  merges: StackMerge[];
};

/** Prefix trees, their checks (merging a part that fails alone into the next), then one commit per part. */
export async function buildStack(options: BuildStackOptions): Promise<BuiltStack> {
  const { checkout, signal } = options;
  const deadline = { timeoutMs: options.gitTimeoutMs ?? DEFAULT_GIT_TIMEOUTS.localMs, signal };
  const trees = await prefixTrees(checkout, options.tree, options.slices, deadline);
  const verified = await verifyStack({ ...options, trees, timeoutMs: deadline.timeoutMs });
  const committed = await commitStack({ ...options, slices: verified.slices, prefixes: verified.prefixes }, deadline);
  const parts = committed.map((part, at) => ({ ...part, check: verified.checks[at] }));
  return { outcome: verified.outcome, parts, merges: verified.merges };
}
