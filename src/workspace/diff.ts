import type { Checkout } from "./checkout.ts";
import type { GitDeadline } from "./git.ts";
import { hostGit, stageAll } from "./host-git.ts";
import type { ChangedFile } from "./numstat.ts";
import { parseNumstat } from "./numstat.ts";

export type WorkspaceDiff = {
  baseSha: string;
  /** Empty when the tree is unchanged. */
  files: ChangedFile[];
  /** The full patch against the base, binary files included (`git apply` can replay it). */
  patch: string;
};

// No external diff programs or textconv filters: output depends on git alone.
const DIFF_FLAGS = ["--cached", "--find-renames", "--no-ext-diff", "--no-textconv", "--no-color"];

/** What changed in the working tree since the base commit, committed or not. */
export async function diffCheckout(checkout: Checkout, options: GitDeadline): Promise<WorkspaceDiff> {
  await stageAll(checkout, options);
  const numstat = await hostGit(checkout, ["diff", ...DIFF_FLAGS, "--numstat", "-z", checkout.baseSha, "--"], options);
  const files = parseNumstat(numstat.stdout);
  if (files.length === 0) return { baseSha: checkout.baseSha, files, patch: "" };
  const patch = await hostGit(checkout, ["diff", ...DIFF_FLAGS, "--binary", checkout.baseSha, "--"], options);
  return { baseSha: checkout.baseSha, files, patch: patch.stdout };
}
