import type { ApplicationFunction } from "probot";
import type { IntakeDeps } from "./github/intake.ts";
import { onIssueLabeled } from "./github/handlers/issue-labeled.ts";
import { onIssueClosed, onIssueUnlabeled } from "./github/handlers/issue-cancelled.ts";
import { onIssueComment } from "./github/handlers/issue-comment.ts";
import { onPullRequestClosed } from "./github/handlers/pull-request-closed.ts";
import { onPullRequestReview } from "./github/handlers/pull-request-review.ts";
import { onPullRequestReviewComment } from "./github/handlers/pull-request-review-comment.ts";

/** Probot entry: wires webhook events to their (thin) handlers. */
export function createApp(deps: IntakeDeps): ApplicationFunction {
  return (app) => {
    app.on("issues.labeled", onIssueLabeled(deps));
    app.on("issues.unlabeled", onIssueUnlabeled(deps));
    app.on("issues.closed", onIssueClosed(deps));
    app.on("issue_comment.created", onIssueComment(deps));
    app.on("pull_request.closed", onPullRequestClosed);
    app.on("pull_request_review.submitted", onPullRequestReview(deps));
    app.on("pull_request_review_comment.created", onPullRequestReviewComment(deps));
  };
}
