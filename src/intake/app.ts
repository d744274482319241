import type { Context } from "probot";
import type { IntakeDeps } from "./intake.ts";
import type { WebhookHandler } from "./backlog/webhook-backlog.ts";
import { onIssueLabeled } from "./handlers/issue-labeled.ts";
import { onIssueClosed, onIssueUnlabeled } from "./handlers/issue-cancelled.ts";
import { onIssueComment } from "./handlers/issue-comment.ts";
import { onPullRequestClosed } from "./handlers/pull-request-closed.ts";
import { onPullRequestReview } from "./handlers/pull-request-review.ts";
import { onPullRequestReviewComment } from "./handlers/pull-request-review-comment.ts";

/** Every event name Probot knows, with or without its action. */
type EventName = Context["name"];

/** A handler typed for its event, stored untyped: the backlog calls it with the same event's context. */
const handles = <E extends EventName>(event: E, handler: (context: Context<E>) => Promise<unknown>): [E, WebhookHandler] => [
  event,
  handler,
];

/** The (thin) handlers of the events Ferry acts on, by `event.action`. */
export function webhookHandlers(deps: IntakeDeps): Record<string, WebhookHandler> {
  return Object.fromEntries([
    handles("issues.labeled", onIssueLabeled(deps)),
    handles("issues.unlabeled", onIssueUnlabeled(deps)),
    handles("issues.closed", onIssueClosed(deps)),
    handles("issue_comment.created", onIssueComment(deps)),
    handles("pull_request.closed", onPullRequestClosed),
    handles("pull_request_review.submitted", onPullRequestReview(deps)),
    handles("pull_request_review_comment.created", onPullRequestReviewComment(deps)),
  ]);
}
