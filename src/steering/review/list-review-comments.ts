import type { GitHub } from "../../github/platform.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";

/** Every inline comment of one submitted review, across all pages (the webhook does not carry them). */
export async function listReviewComments(github: GitHub, target: PullTarget, reviewId: number): Promise<ReviewNote[]> {
  return github.reviewComments(target, reviewId);
}
