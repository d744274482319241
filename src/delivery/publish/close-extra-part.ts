import type { Log } from "../../logger.ts";
import type { GitHubClient } from "../../github/client.ts";
import { httpStatusOf } from "../../github/http-status.ts";
import type { ListedPull, RepoName } from "./listed-pull.ts";

/**
 * A rerun split the change into fewer parts: this pull request's part no longer exists.
 * Say where its changes went, close it, and delete its branch (already gone is fine).
 */
export async function closeExtraPart(
  client: GitHubClient,
  where: RepoName,
  pull: ListedPull,
  stack: readonly number[],
  log: Log | undefined,
): Promise<void> {
  const ids = { owner: where.owner, repo: where.repo };
  const list = stack.map((number) => `#${number}`).join(", ");
  const body = `Ferry split this change again, into ${stack.length} ${stack.length === 1 ? "part" : "parts"}, and this part was folded into the new stack: ${list}. Closing this one.`;
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...ids, issue_number: pull.number, body });
  await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...ids, pull_number: pull.number, state: "closed" });
  try {
    await client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...ids, ref: `heads/${pull.head.ref}` });
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 404 && status !== 422) throw error;
  }
  log?.info({ pull: pull.number, branch: pull.head.ref }, "closed a part the new stack no longer has");
}
