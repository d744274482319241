import type { GitDeadline } from "./git.ts";
import { objectGit } from "./host-git.ts";
import type { ChangedFile } from "./numstat.ts";
import { parseNumstat } from "./numstat.ts";

export type TreeDiff = {
  /** Empty when the trees are the same. */
  files: ChangedFile[];
  /** The full patch, binary files included (`git apply` can replay it). */
  patch: string;
};

// No external diff programs or textconv filters, and no work tree to read attributes from.
const DIFF_FLAGS = ["--find-renames", "--no-ext-diff", "--no-textconv", "--no-color"];

/** What changed from one tree-ish to another, read from objects alone. */
export async function diffTrees(gitDir: string, from: string, to: string, deadline: GitDeadline): Promise<TreeDiff> {
  const numstat = await objectGit(gitDir, ["diff", ...DIFF_FLAGS, "--numstat", "-z", from, to, "--"], deadline);
  const files = parseNumstat(numstat.stdout);
  if (files.length === 0) return { files, patch: "" };
  const patch = await objectGit(gitDir, ["diff", ...DIFF_FLAGS, "--binary", from, to, "--"], deadline);
  return { files, patch: patch.stdout };
}
