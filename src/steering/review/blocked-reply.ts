import type { GitHub } from "../../github/platform.ts";
import { ensureComment } from "../../github/ensure-comment.ts";
import type { AccountOf } from "../../github/ferry-account.ts";
import { reviewBlockedMarker } from "../../github/markers.ts";
import type { Task } from "../../tasks/model.ts";
import type { PullTarget } from "./pull-target.ts";

/**
 * Says on the pull request that its review feedback was dropped because the issue has another
 * active task. Marked per blocking task, so the review and its comment events (or a redelivery)
 * leave one comment, not one each.
 */
export async function replyBlocked(client: GitHub, target: PullTarget, task: Task, other: Task, accountOf: AccountOf): Promise<void> {
  const marker = reviewBlockedMarker(task.id, other.id);
  const body = [
    `Ferry did not take this review feedback: issue #${task.issueNumber} has another active task (task ${other.id}), and Ferry works on one task per issue at a time.`,
    `Once task ${other.id} has ended, submit the feedback again.`,
    marker,
  ].join("\n\n");
  await ensureComment(client, { owner: target.owner, repo: target.repo, issueNumber: target.pull }, marker, body, accountOf);
}
