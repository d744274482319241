import type { Checkout } from "./checkout.ts";
import { commitMessage } from "./commit-message.ts";
import type { CommitRequest } from "./commit-request.ts";
import type { GitDeadline } from "./git.ts";
import { objectGit } from "./host-git.ts";
import { identityEnv } from "./identity.ts";
import { snapshotTree } from "./snapshot-tree.ts";
import { SnapshotRefusedError } from "./workspace-errors.ts";

export type CommitResult =
  | { outcome: "committed"; sha: string; parentSha: string }
  /** The tree equals the branch tip's: nothing to commit; `sha` is the unchanged tip. */
  | { outcome: "no-changes"; sha: string };

type CommitCheckout = Pick<Checkout, "gitDir" | "workDir" | "branch">;

/** Commits the work tree, frozen as a snapshot (see snapshot-tree.ts), on the task branch of the host git dir. */
export async function commitCheckout(checkout: CommitCheckout, request: CommitRequest, options: GitDeadline): Promise<CommitResult> {
  const snapshot = await snapshotTree(checkout, options);
  if (snapshot.kind === "refused") throw new SnapshotRefusedError(snapshot.reason);
  return commitTree(checkout, snapshot.tree, request, options);
}

/**
 * Commits a tree on the task branch of the host git dir. Plumbing (`commit-tree`, `update-ref`)
 * runs no hooks and reads no commit templates.
 */
export async function commitTree(checkout: Pick<Checkout, "gitDir" | "branch">, tree: string, request: CommitRequest, options: GitDeadline): Promise<CommitResult> {
  const git = (args: string[], extra: { env?: Record<string, string>; input?: string } = {}) => objectGit(checkout.gitDir, args, { ...options, ...extra });
  const revParse = async (rev: string): Promise<string> => (await git(["rev-parse", "--verify", "--quiet", rev])).stdout.trim();
  const ref = `refs/heads/${checkout.branch}`;
  const parentSha = await revParse(`${ref}^{commit}`);
  if (tree === (await revParse(`${parentSha}^{tree}`))) return { outcome: "no-changes", sha: parentSha };
  const input = commitMessage(request.message, request.coAuthor);
  const sha = (await git(["commit-tree", "--no-gpg-sign", "-p", parentSha, "-F", "-", tree], { env: identityEnv(request.author), input })).stdout.trim();
  // Compare-and-swap on the old value, so a concurrent commit is an error rather than lost.
  await git(["update-ref", "-m", "ferry: commit", ref, sha, parentSha]);
  return { outcome: "committed", sha, parentSha };
}
