import type { Slice } from "../split/slice.ts";
import type { PrefixCheck } from "./stack-part.ts";

/**
 * Part `part` did not pass `check` on top of the parts before it, so the next slice was merged
 * into it. The pull request body can say "merged because part k alone did not pass <command>".
 */
export type StackMerge = {
  /** The part, 1-based, as it is in the final stack (merges never renumber the parts before it). */
  part: number;
  /** The split's slices (1-based) the part holds after this merge. */
  slices: number[];
  /** The failing check of the part before the merge. */
  check: PrefixCheck;
};

/** The stack as verification goes: one entry per part in each list. */
export type StackLayout = {
  slices: Slice[];
  /** The tree of the base plus parts 1..k. */
  prefixes: string[];
  checks: (PrefixCheck | undefined)[];
  /** The split's slices (1-based) each part holds. */
  origins: number[][];
};

/** Part k (1-based) and part k + 1 become one part; the prefix up to it is the old prefix k + 1. */
export function mergeWithNext(layout: StackLayout, part: number): StackLayout {
  const at = part - 1;
  const [first, second] = layout.slices.slice(at, at + 2);
  if (!first || !second) throw new Error(`Part ${part} has no next part to merge with`);
  const merged: Slice = { files: [...first.files, ...second.files], lines: first.lines + second.lines, oversize: first.oversize || second.oversize };
  const origins = [...(layout.origins[at] ?? []), ...(layout.origins[at + 1] ?? [])];
  return {
    slices: layout.slices.toSpliced(at, 2, merged),
    prefixes: layout.prefixes.toSpliced(at, 1),
    checks: layout.checks.toSpliced(at, 2, layout.checks[at + 1]),
    origins: layout.origins.toSpliced(at, 2, origins),
  };
}
