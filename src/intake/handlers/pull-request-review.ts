import { PullRequestReviewEvent } from "../payloads.ts";
import { canWrite } from "../../github/permissions.ts";
import { listReviewComments } from "../../steering/review/list-review-comments.ts";
import { asksForChanges } from "../../steering/review/review-states.ts";
import { gitHubOf } from "../event-context.ts";
import { guardedHandler } from "./guarded-handler.ts";
import { handOffReview, onAgentPull, type ReviewDeps, type ReviewOptions } from "./review-intake.ts";

/**
 * A writer's submitted review on a pull request Ferry delivered → one follow-up run with every
 * comment of the review: changes requested, or comments with at least one inline note.
 */
export const onPullRequestReview = (deps: ReviewDeps, options: ReviewOptions = {}) =>
  guardedHandler(deps.store, {
    name: "pull_request_review.submitted",
    payload: PullRequestReviewEvent,
    accept: (payload) => (asksForChanges(payload.review.state) ? onAgentPull(deps.store, payload) : undefined),
    handle: async ({ payload: { review, sender }, target, agentPull }, context) => {
      const github = gitHubOf(context);
      if (!(await canWrite(github, target.owner, target.repo, sender.login))) return;
      // The webhook does not carry the review's comments.
      const comments = await listReviewComments(github, target, review.id);
      if (review.state === "commented" && comments.length === 0) return;
      const summary = { id: review.id, state: review.state, body: review.body ?? "", author: review.user?.login ?? sender.login };
      await handOffReview(deps, context, { target, agentPull, delayMs: options.delayMs }, { author: sender.login, review: summary, comments });
    },
  });
