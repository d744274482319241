import type { GitHubClient } from "../../github/client.ts";
import { ensureComment, type EnsureCommentResult } from "../../github/ensure-comment.ts";
import type { AccountOf } from "../../github/ferry-account.ts";
import { marker } from "../../github/markers.ts";
import type { Task } from "../../tasks/model.ts";
import { renderStatusComment } from "./status-comment.ts";

/**
 * Creates or edits the task's status comment with `body`; GitHub is not written when it is unchanged.
 * Only a comment of Ferry's own bot is edited: one by anyone else that carries the marker is left alone.
 */
export async function writeStatusComment(client: GitHubClient, task: Task, body: string, accountOf: AccountOf): Promise<EnsureCommentResult> {
  const issue = { owner: task.repo.owner, repo: task.repo.name, issueNumber: task.issueNumber };
  return ensureComment(client, issue, marker(task.id, "status"), body, accountOf);
}

/** The status comment of a task as it is now, without progress or parts: intake's "queued" comment. */
export async function publishStatus(client: GitHubClient, task: Task, accountOf: AccountOf): Promise<void> {
  await writeStatusComment(client, task, renderStatusComment({ task, parts: [] }), accountOf);
}
