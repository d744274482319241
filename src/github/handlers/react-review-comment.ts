import type { GitHubClient } from "../client.ts";
import type { PullTarget } from "../../steering/review/pull-target.ts";

/** 👀 on an inline review comment Ferry took up. GitHub dedupes reactions, so a repeat is harmless. */
export async function reactSeenOnReviewComment(client: GitHubClient, target: PullTarget, commentId: number): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", {
    owner: target.owner,
    repo: target.repo,
    comment_id: commentId,
    content: "eyes",
  });
}
