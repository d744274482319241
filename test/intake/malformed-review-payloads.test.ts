import { afterEach, beforeEach, test } from "@jest/globals";
import type { Probot } from "probot";
import { issueClosed, issueUnlabeled } from "../fixtures/webhooks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { reviewCommentCreated, reviewSubmitted } from "../steering/review/support/review-webhooks.ts";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

// The operator reads which event was malformed from the warning alone.

test("a malformed issues.unlabeled is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed issues.unlabeled payload/);

  await deliver(probot, "issues", "bad-unlabel", { ...issueUnlabeled("agent"), label: undefined });
});

test("a malformed issues.closed is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed issues.closed payload/);

  await deliver(probot, "issues", "bad-close", { ...issueClosed(), issue: undefined });
});

test("a malformed pull_request_review.submitted is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed pull_request_review.submitted payload/);

  await deliver(probot, "pull_request_review", "bad-review", { ...reviewSubmitted({ id: 801, state: "changes_requested" }), review: undefined });
});

test("a malformed pull_request_review_comment.created is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed pull_request_review_comment.created payload/);

  await deliver(probot, "pull_request_review_comment", "bad-comment", { ...reviewCommentCreated({ id: 11, reviewId: 801 }), comment: undefined });
});
