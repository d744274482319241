import type { GitHub, IssueRef, RepoName } from "./platform.ts";

/** 👀 on what triggered Ferry: the issue for a label, the comment for a command. GitHub dedupes reactions. */
export async function reactSeen(github: GitHub, issue: IssueRef, commentId?: number): Promise<void> {
  const target = commentId === undefined ? ({ kind: "issue", issue } as const) : ({ kind: "issue-comment", repo: issue, commentId } as const);
  await github.react(target, "eyes");
}

/** 👀 on an inline review comment Ferry took up. */
export async function reactSeenOnReviewComment(github: GitHub, repo: RepoName, commentId: number): Promise<void> {
  await github.react({ kind: "review-comment", repo, commentId }, "eyes");
}

/** How a task ended, on the issue at a glance: 🚀 a change was made, 😕 it failed. */
export type EndingReaction = "rocket" | "confused";

export async function reactToIssue(github: GitHub, issue: IssueRef, content: EndingReaction): Promise<void> {
  await github.react({ kind: "issue", issue }, content);
}
