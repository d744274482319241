import type { GitHub } from "../../github/platform.ts";
import type { ReviewFeedback } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";

/** One review of the pull request: its state (lowercase, as in webhooks), summary and author. */
export async function getReview(github: GitHub, target: PullTarget, reviewId: number): Promise<ReviewFeedback["reviews"][number]> {
  return github.getReview(target, reviewId);
}
