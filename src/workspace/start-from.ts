import type { Checkout } from "./checkout.ts";
import type { GitDeadline } from "./git.ts";
import { hostGit } from "./host-git.ts";
import { branchSha } from "./refs.ts";

/**
 * Puts the tree of an earlier delivery (a part branch in the mirror) into a fresh checkout, while
 * the base stays what the change is measured against: a follow-up run sees the work delivered so
 * far as uncommitted changes and carries on from it. Undefined when the branch is not in the mirror.
 */
export async function startFrom(checkout: Checkout, branch: string, deadline: GitDeadline): Promise<string | undefined> {
  const sha = await branchSha(checkout.mirrorDir, branch, deadline.timeoutMs);
  if (!sha) return undefined;
  // Through the host git dir, before any sandbox ran: index and tree become the branch's, files it lacks go.
  await hostGit(checkout, ["read-tree", "-u", "--reset", sha], deadline);
  return sha;
}
