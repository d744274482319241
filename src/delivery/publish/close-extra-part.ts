import type { Log } from "../../logger.ts";
import type { GitHub, PullRequest, RepoName } from "../../github/platform.ts";
import { isFerrysTip, type PushedShaOf } from "./branch-leases.ts";

/**
 * A rerun split the change into fewer parts: this pull request's part no longer exists.
 * Say where its changes went, close it, and delete its branch (already gone is fine), but only
 * when its tip is the commit Ferry pushed last: a branch with someone else's commit is kept.
 * Returns whether the branch was deleted.
 */
export async function closeExtraPart(
  github: GitHub,
  where: RepoName,
  pull: PullRequest,
  stack: readonly number[],
  pushedShaOf: PushedShaOf,
  log: Log | undefined,
): Promise<boolean> {
  const branch = pull.head.ref;
  const ours = await isFerrysTip(branch, pull.head.sha, pushedShaOf);
  const list = stack.map((number) => `#${number}`).join(", ");
  const kept = ours ? "" : ` Its branch has a commit Ferry did not push (${pull.head.sha.slice(0, 7)}), so the branch is kept.`;
  const body = `Ferry split this change again, into ${stack.length} ${stack.length === 1 ? "part" : "parts"}, and this part was folded into the new stack: ${list}. Closing this one.${kept}`;
  await github.createComment({ ...where, issueNumber: pull.number }, body);
  await github.updatePull({ ...where, pull: pull.number }, { state: "closed" });
  if (!ours) {
    log?.warn({ pull: pull.number, branch, tip: pull.head.sha }, "kept the branch of a closed part: its tip is not Ferry's");
    return false;
  }
  await github.deleteBranch(where, branch);
  log?.info({ pull: pull.number, branch }, "closed a part the new stack no longer has");
  return true;
}
