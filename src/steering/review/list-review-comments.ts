import { z } from "zod";
import type { GitHubClient } from "../../github/client.ts";
import { ReviewCommentFields } from "../../github/payloads.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";
import { noteOf } from "./review-note.ts";

const PAGE_SIZE = 100;

/** Every inline comment of one submitted review, across all pages (the webhook does not carry them). */
export async function listReviewComments(client: GitHubClient, target: PullTarget, reviewId: number): Promise<ReviewNote[]> {
  const notes: ReviewNote[] = [];
  for (let page = 1; ; page++) {
    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pull,
      review_id: reviewId,
      per_page: PAGE_SIZE,
      page,
    });
    const batch = z.array(ReviewCommentFields).parse(response.data);
    notes.push(...batch.map(noteOf));
    if (batch.length < PAGE_SIZE) return notes;
  }
}
