import type { GitHub, ReviewThread } from "../../github/platform.ts";
import type { Log } from "../../logger.ts";
import type { PullTarget } from "./pull-target.ts";

export type FetchedThread = ReviewThread;

/**
 * The pull request's review threads with their comments; undefined when GitHub did not answer.
 * Threads are context only: without them the review still goes ahead rather than being lost.
 */
export async function fetchReviewThreads(github: GitHub, target: PullTarget, log: Log): Promise<FetchedThread[] | undefined> {
  try {
    return await github.reviewThreads(target);
  } catch (error) {
    log.warn({ err: error, owner: target.owner, repo: target.repo, pull: target.pull }, "Could not read the review threads; going on without them");
    return undefined;
  }
}
