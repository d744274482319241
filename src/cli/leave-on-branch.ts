import type { Checkout } from "../workspace/checkout.ts";
import type { Workspaces } from "../workspace/workspaces.ts";
import type { TargetBranch } from "./target-branch.ts";

const LOCAL_IDENTITY = { name: "Ferry", email: "ferry@localhost" };

/**
 * Commits the verified tree and pushes it to the user's repository, leased to what the branch was
 * when the run started: a branch created or moved meanwhile is left as it is. Returns whether
 * there was anything to commit.
 */
export async function leaveOnBranch(workspaces: Workspaces, checkout: Checkout, target: TargetBranch, message: string, signal: AbortSignal, tree: string): Promise<boolean> {
  const commit = await workspaces.commit(checkout, { message, author: LOCAL_IDENTITY }, { tree });
  if (commit.outcome !== "committed") return false;
  const pushed = await workspaces.push(checkout, [{ name: target.name, sha: commit.sha, expected: target.expected }], { signal });
  if (pushed.outcome === "stale") {
    throw new Error(`Branch ${target.name} was created or moved in the repository while Ferry ran, so nothing was overwritten: rerun with another --branch, or --force.`);
  }
  if (pushed.outcome !== "pushed") throw new Error(`Could not leave the result on ${target.name}: ${pushed.message}`);
  return true;
}
