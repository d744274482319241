import type { Log } from "../../logger.ts";
import type { GitHubClient } from "../../github/client.ts";
import { httpStatusOf } from "../../github/http-status.ts";
import { isFerrysTip, type PushedShaOf } from "./branch-leases.ts";
import type { ListedPull, RepoName } from "./listed-pull.ts";

/**
 * A rerun split the change into fewer parts: this pull request's part no longer exists.
 * Say where its changes went, close it, and delete its branch (already gone is fine), but only
 * when its tip is the commit Ferry pushed last: a branch with someone else's commit is kept.
 * Returns whether the branch was deleted.
 */
export async function closeExtraPart(
  client: GitHubClient,
  where: RepoName,
  pull: ListedPull,
  stack: readonly number[],
  pushedShaOf: PushedShaOf,
  log: Log | undefined,
): Promise<boolean> {
  const ids = { owner: where.owner, repo: where.repo };
  const branch = pull.head.ref;
  const ours = isFerrysTip(branch, pull.head.sha, pushedShaOf);
  const list = stack.map((number) => `#${number}`).join(", ");
  const kept = ours ? "" : ` Its branch has a commit Ferry did not push (${pull.head.sha.slice(0, 7)}), so the branch is kept.`;
  const body = `Ferry split this change again, into ${stack.length} ${stack.length === 1 ? "part" : "parts"}, and this part was folded into the new stack: ${list}. Closing this one.${kept}`;
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...ids, issue_number: pull.number, body });
  await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...ids, pull_number: pull.number, state: "closed" });
  if (!ours) {
    log?.warn({ pull: pull.number, branch, tip: pull.head.sha }, "kept the branch of a closed part: its tip is not Ferry's");
    return false;
  }
  try {
    await client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...ids, ref: `heads/${branch}` });
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 404 && status !== 422) throw error;
  }
  log?.info({ pull: pull.number, branch }, "closed a part the new stack no longer has");
  return true;
}
