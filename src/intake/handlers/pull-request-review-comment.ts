import { PullRequestReviewCommentEvent } from "../payloads.ts";
import { canWrite } from "../../github/permissions.ts";
import { getReview } from "../../steering/review/get-review.ts";
import { ReviewCommentShape } from "../../github/rest-shapes.ts";
import { asksForChanges } from "../../steering/review/review-states.ts";
import { gitHubOf } from "../event-context.ts";
import { guardedHandler } from "./guarded-handler.ts";
import { handOffReview, onAgentPull, type ReviewDeps, type ReviewOptions } from "./review-intake.ts";

/**
 * A writer's single inline comment (or reply in a thread) on a pull request Ferry delivered.
 * GitHub also sends one of these for each comment of a submitted review; they all join the same
 * batch, each comment once. Ferry's own replies come from a bot and are ignored.
 */
export const onPullRequestReviewComment = (deps: ReviewDeps, options: ReviewOptions = {}) =>
  guardedHandler(deps.store, {
    name: "pull_request_review_comment.created",
    payload: PullRequestReviewCommentEvent,
    accept: (payload) => onAgentPull(deps.store, payload),
    handle: async ({ payload: { comment, sender }, target, agentPull }, context) => {
      const github = gitHubOf(context);
      if (!(await canWrite(github, target.owner, target.repo, sender.login))) return;
      // A comment of an approving review asks for nothing, as the approval itself does not.
      const review = comment.pull_request_review_id ? await getReview(github, target, comment.pull_request_review_id) : undefined;
      if (review && !asksForChanges(review.state)) return;
      await handOffReview(deps, context, { target, agentPull, delayMs: options.delayMs }, { author: sender.login, review, comments: [ReviewCommentShape.parse(comment)] });
    },
  });
