import { allPages } from "../../github/all-pages.ts";
import type { GitHubClient } from "../../github/client.ts";
import { ReviewCommentFields } from "../../intake/payloads.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";
import { noteOf } from "./review-note.ts";

/** Every inline comment of one submitted review, across all pages (the webhook does not carry them). */
export async function listReviewComments(client: GitHubClient, target: PullTarget, reviewId: number): Promise<ReviewNote[]> {
  const comments = await allPages(ReviewCommentFields, (page) =>
    client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pull,
      review_id: reviewId,
      ...page,
    }),
  );
  return comments.map(noteOf);
}
