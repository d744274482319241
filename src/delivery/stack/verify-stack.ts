import type { GitDeadline } from "../../workspace/git.ts";
import type { VerifyCheckout } from "../../workspace/verify-checkout.ts";
import type { Slice } from "../split/slice.ts";
import type { StackTrees } from "./prefix-trees.ts";
import { showTree } from "./show-tree.ts";
import type { StackLayout, StackMerge } from "./stack-merge.ts";
import { mergeWithNext } from "./stack-merge.ts";
import type { PrefixCheck } from "./stack-part.ts";

/**
 * Checks the verify checkout while it holds the base plus parts 1..`index` (whose tree is `tree`).
 * `whole`: this is the whole change, which must also make the tests it is about pass; a prefix
 * before it only must not break what passed on the base.
 */
export type CheckPrefix = (prefix: { index: number; tree: string; whole: boolean }) => Promise<PrefixCheck>;

export type VerifyStackOptions = {
  /** Where the checks run: Ferry's checkout, never the agent's tree. */
  verify: VerifyCheckout;
  slices: readonly Slice[];
  trees: StackTrees;
  /** `pr.verifyEachPart`: check every prefix, not only the whole change. */
  verifyEachPart: boolean;
  check: CheckPrefix;
  /** Per git call. */
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * `whole-change-failed`: the whole change does not pass the check, so no part was checked and
 * nothing merged; the last check says why. Otherwise every check that ran passed.
 */
export type StackVerification = Omit<StackLayout, "origins"> & {
  outcome: "passed" | "whole-change-failed";
  merges: StackMerge[];
};

/**
 * Checks the whole change, then (with `verifyEachPart`) each prefix 1..n-1 in order on its own
 * tree; a part that fails is merged with the next one and the new, larger prefix is checked again.
 * The verify checkout is back at the final tree afterwards, whatever happened.
 */
export async function verifyStack(options: VerifyStackOptions): Promise<StackVerification> {
  const { slices, trees } = options;
  if (slices.length === 0) throw new Error("A stack needs at least one slice");
  if (trees.prefixes.length !== slices.length) throw new Error(`${slices.length} slices but ${trees.prefixes.length} prefix trees`);
  try {
    return await verifyParts(options);
  } finally {
    // Without the signal: a cancelled task still gets its checkout back.
    await showTree(options.verify, trees.final, { timeoutMs: options.timeoutMs });
  }
}

async function verifyParts(options: VerifyStackOptions): Promise<StackVerification> {
  const count = options.slices.length;
  const whole = await checkPrefix(options, count, options.trees.final, true);
  let layout: StackLayout = {
    slices: [...options.slices],
    prefixes: [...options.trees.prefixes],
    checks: options.slices.map((_, index) => (index === count - 1 ? whole : undefined)),
    origins: options.slices.map((_, index) => [index + 1]),
  };
  const merges: StackMerge[] = [];
  if (!whole.passed) return result("whole-change-failed", layout, merges);
  if (!options.verifyEachPart) return result("passed", layout, merges);
  // The last part's prefix is the whole change, checked already; merges shrink the stack as it goes.
  let part = 1;
  while (part < layout.slices.length) {
    const tree = layout.prefixes[part - 1];
    if (tree === undefined) throw new Error(`No prefix tree for part ${part}`);
    const check = await checkPrefix(options, part, tree, false);
    if (check.passed) {
      layout = { ...layout, checks: layout.checks.with(part - 1, check) };
      part++;
      continue;
    }
    layout = mergeWithNext(layout, part);
    merges.push({ part, slices: layout.origins[part - 1] ?? [], check });
  }
  return result("passed", layout, merges);
}

async function checkPrefix(options: VerifyStackOptions, index: number, tree: string, whole: boolean): Promise<PrefixCheck> {
  options.signal?.throwIfAborted();
  const deadline: GitDeadline = { timeoutMs: options.timeoutMs, signal: options.signal };
  await showTree(options.verify, tree, deadline);
  return options.check({ index, tree, whole });
}

function result(outcome: StackVerification["outcome"], layout: StackLayout, merges: StackMerge[]): StackVerification {
  const { slices, prefixes, checks } = layout;
  return { outcome, slices, prefixes, checks, merges };
}
