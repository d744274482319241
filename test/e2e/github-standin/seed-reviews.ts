import { repoKey, type Repository, type Review, type ReviewComment, type StandInState } from "./state.ts";

export type NewReview = {
  user: string;
  state: "CHANGES_REQUESTED" | "COMMENTED" | "APPROVED";
  body?: string;
  comments: { path: string; line: number; body: string; diffHunk?: string }[];
};

/** A submitted review with its inline comments on a pull request, as a reviewer leaves it. */
export function addReview(state: StandInState, repo: Repository, pull: number, review: NewReview): { review: Review; comments: ReviewComment[] } {
  if (!state.pull(repoKey(repo), pull)) throw new Error(`no pull request #${pull} in ${repoKey(repo)}`);
  const user = { login: review.user, type: "User" as const };
  const created: Review = { repo: repoKey(repo), id: state.nextId(), pull, state: review.state, body: review.body ?? "", user };
  state.reviews.push(created);
  const comments = review.comments.map((comment): ReviewComment => ({
    repo: repoKey(repo),
    id: state.nextId(),
    pull,
    reviewId: created.id,
    inReplyTo: undefined,
    path: comment.path,
    line: comment.line,
    diffHunk: comment.diffHunk ?? `@@ -1 +1 @@\n+${comment.path}`,
    body: comment.body,
    user,
    resolved: false,
  }));
  state.reviewComments.push(...comments);
  return { review: created, comments };
}

/** Marks the thread a comment starts as resolved (GraphQL `isResolved`). */
export function resolveThread(state: StandInState, commentId: number): void {
  const root = state.reviewComments.find((comment) => comment.id === commentId);
  if (!root) throw new Error(`no review comment ${commentId}`);
  root.resolved = true;
}
