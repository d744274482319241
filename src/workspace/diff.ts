import type { Checkout } from "./checkout.ts";
import type { GitDeadline } from "./git.ts";
import { snapshotTree } from "./snapshot-tree.ts";
import type { TreeDiff } from "./tree-diff.ts";
import { diffTrees } from "./tree-diff.ts";
import { SnapshotRefusedError } from "./workspace-errors.ts";

export type WorkspaceDiff = TreeDiff & {
  baseSha: string;
  /** The frozen tree the change was read from. */
  tree: string;
};

/** What changed in the working tree since the base commit, committed or not: its snapshot against the base. Only once the sandbox stopped. */
export async function diffCheckout(checkout: Checkout, options: GitDeadline): Promise<WorkspaceDiff> {
  const snapshot = await snapshotTree(checkout, options);
  if (snapshot.kind === "refused") throw new SnapshotRefusedError(snapshot.reason);
  const diff = await diffTrees(checkout.gitDir, checkout.baseSha, snapshot.tree, options);
  return { baseSha: checkout.baseSha, tree: snapshot.tree, ...diff };
}
