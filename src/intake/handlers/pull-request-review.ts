import type { Context } from "probot";
import { onceForDelivery } from "../deliveries.ts";
import { PullRequestReviewEvent } from "../payloads.ts";
import { canWrite } from "../../github/permissions.ts";
import { isBot } from "../sender.ts";
import { listReviewComments } from "../../steering/review/list-review-comments.ts";
import { asksForChanges } from "../../steering/review/review-states.ts";
import { handOffReview, pullTargetOf, type ReviewDeps, type ReviewOptions } from "./review-intake.ts";

/**
 * A writer's submitted review on a pull request Ferry delivered → one follow-up run with every
 * comment of the review: changes requested, or comments with at least one inline note.
 */
export const onPullRequestReview =
  (deps: ReviewDeps, options: ReviewOptions = {}) => async (context: Context<"pull_request_review.submitted">) => {
    const parsed = PullRequestReviewEvent.safeParse(context.payload);
    if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed pull_request_review payload");
    const { review, sender } = parsed.data;
    if (isBot(sender) || !asksForChanges(review.state)) return;
    const target = pullTargetOf(parsed.data);
    const agentPull = deps.store.findTaskByPull(target.owner, target.repo, target.pull);
    if (!agentPull) return;

    await onceForDelivery(deps.store, { id: context.id, event: "pull_request_review.submitted" }, async () => {
      if (!(await canWrite(context.octokit, target.owner, target.repo, sender.login))) return;
      // The webhook does not carry the review's comments.
      const comments = await listReviewComments(context.octokit, target, review.id);
      if (review.state === "commented" && comments.length === 0) return;
      const summary = { id: review.id, state: review.state, body: review.body ?? "", author: review.user?.login ?? sender.login };
      await handOffReview(deps, context, { target, agentPull, delayMs: options.delayMs }, { author: sender.login, review: summary, comments });
    });
  };
