import type { Checkout } from "./checkout.ts";
import { commitMessage } from "./commit-message.ts";
import type { CommitRequest } from "./commit-request.ts";
import type { GitDeadline } from "./git.ts";
import { hostGit, stageAll } from "./host-git.ts";
import { identityEnv } from "./identity.ts";

export type CommitResult =
  | { outcome: "committed"; sha: string; parentSha: string }
  /** The tree equals the branch tip's: nothing to commit; `sha` is the unchanged tip. */
  | { outcome: "no-changes"; sha: string };

/**
 * Commits the working tree on the task branch of the host git dir. Plumbing (`write-tree`,
 * `commit-tree`, `update-ref`) runs no hooks and reads no commit templates.
 */
export async function commitCheckout(
  checkout: Checkout,
  request: CommitRequest,
  options: GitDeadline,
): Promise<CommitResult> {
  await stageAll(checkout, options);
  const ref = `refs/heads/${checkout.branch}`;
  const parentSha = await revParse(checkout, `${ref}^{commit}`, options);
  const tree = (await hostGit(checkout, ["write-tree"], options)).stdout.trim();
  const parentTree = await revParse(checkout, `${parentSha}^{tree}`, options);
  if (tree === parentTree) return { outcome: "no-changes", sha: parentSha };
  const env = identityEnv(request.author);
  const input = commitMessage(request.message, request.coAuthor);
  const created = await hostGit(checkout, ["commit-tree", "--no-gpg-sign", "-p", parentSha, "-F", "-", tree], { ...options, env, input });
  const sha = created.stdout.trim();
  // Compare-and-swap on the old value, so a concurrent commit is an error rather than lost.
  await hostGit(checkout, ["update-ref", "-m", "ferry: commit", ref, sha, parentSha], options);
  return { outcome: "committed", sha, parentSha };
}

async function revParse(checkout: Checkout, rev: string, options: GitDeadline): Promise<string> {
  return (await hostGit(checkout, ["rev-parse", "--verify", "--quiet", rev], options)).stdout.trim();
}
