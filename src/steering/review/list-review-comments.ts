import { asGitHub, type GitHubOrClient } from "../../github/octokit-platform.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { PullTarget } from "./pull-target.ts";

/** Every inline comment of one submitted review, across all pages (the webhook does not carry them). */
export async function listReviewComments(github: GitHubOrClient, target: PullTarget, reviewId: number): Promise<ReviewNote[]> {
  return asGitHub(github).reviewComments(target, reviewId);
}
