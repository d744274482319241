import { z } from "zod";
import type { GitHubClient } from "../../github/client.ts";
import type { ReviewFeedback } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";

const Review = z.object({
  id: z.number().int().positive(),
  state: z.string().transform((state) => state.toLowerCase()),
  body: z.string().nullish(),
  user: z.object({ login: z.string() }).nullable(),
});

/** One review of the pull request: its state (lowercase, as in webhooks), summary and author. */
export async function getReview(client: GitHubClient, target: PullTarget, reviewId: number): Promise<ReviewFeedback["reviews"][number]> {
  const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pull,
    review_id: reviewId,
  });
  const review = Review.parse(response.data);
  return { id: review.id, state: review.state, body: review.body ?? "", author: review.user?.login ?? "ghost" };
}
