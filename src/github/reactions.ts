import type { GitHubClient } from "./client.ts";
import type { IssueRef } from "./ensure-comment.ts";

/** 👀 on what triggered Ferry: the issue for a label, the comment for a command. GitHub dedupes reactions. */
export async function reactSeen(client: GitHubClient, issue: IssueRef, commentId?: number): Promise<void> {
  if (commentId === undefined) {
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.issueNumber,
      content: "eyes",
    });
    return;
  }
  await client.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
    owner: issue.owner,
    repo: issue.repo,
    comment_id: commentId,
    content: "eyes",
  });
}

/** 👀 on an inline review comment Ferry took up. */
export async function reactSeenOnReviewComment(client: GitHubClient, repo: { owner: string; repo: string }, commentId: number): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", { owner: repo.owner, repo: repo.repo, comment_id: commentId, content: "eyes" });
}

/** How a task ended, on the issue at a glance: 🚀 a change was made, 😕 it failed. */
export type EndingReaction = "rocket" | "confused";

export async function reactToIssue(client: GitHubClient, issue: IssueRef, content: EndingReaction): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    content,
  });
}
