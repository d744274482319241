import type { Context } from "probot";
import type { IntakeDeps } from "./github/intake.ts";
import type { WebhookHandler } from "./github/backlog/webhook-backlog.ts";
import { onIssueLabeled } from "./github/handlers/issue-labeled.ts";
import { onIssueClosed, onIssueUnlabeled } from "./github/handlers/issue-cancelled.ts";
import { onIssueComment } from "./github/handlers/issue-comment.ts";
import { onPullRequestClosed } from "./github/handlers/pull-request-closed.ts";
import { onPullRequestReview } from "./github/handlers/pull-request-review.ts";
import { onPullRequestReviewComment } from "./github/handlers/pull-request-review-comment.ts";

/** Every event name Probot knows, with or without its action. */
type EventName = Context["name"];

/** A handler typed for its event, stored untyped: the backlog calls it with the same event's context. */
const handles = <E extends EventName>(event: E, handler: (context: Context<E>) => Promise<unknown>): [E, WebhookHandler] => [
  event,
  handler as unknown as WebhookHandler,
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
