import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import { FollowUps } from "../../src/steering/follow-ups/follow-ups.ts";
import { ReviewFeedback } from "../../src/steering/follow-ups/follow-up-data.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockPermission } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, silentLog, testProbot } from "../helpers/probot.ts";
import { manualClock } from "../steering/support/manual-clock.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";
import { mockReviewCommentReaction, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
import { reviewCommentCreated } from "../steering/review/support/review-webhooks.ts";

let deps: ReturnType<typeof intakeDeps> & { followUps: FollowUps };
let probot: Probot;

beforeEach(async () => {
  const base = intakeDeps();
  const queue = { reopen: async (id: number) => await base.store.transition(id, "queued") };
  deps = { ...base, followUps: new FollowUps({ store: base.store, queue, log: silentLog, now: manualClock().now }) };
  probot = testProbot(deps);
});
afterEach(async () => {
  deps.followUps.stop();
  await deps.store.close();
});

// pull_request_review_id is nullable: such a comment has no review to ask GitHub about (and no
// approval that could make it ask for nothing). test/setup.ts fails on a request nock was not told of.
test("an inline comment without a review is taken without asking GitHub for a review", async () => {
  const task = await agentPull(deps.store);
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockReviewThreads([]);
  mockReviewCommentReaction(scope, 21);

  await deliver(probot, "pull_request_review_comment", "d-1", reviewCommentCreated({ id: 21, reviewId: null, body: "Handle the empty list" }));

  const feedback = (await deps.store.openFollowUps(task.id)).map((followUp) => ReviewFeedback.parse(followUp.data));
  expect(feedback).toEqual([expect.objectContaining({ reviews: [], comments: [expect.objectContaining({ id: 21, body: "Handle the empty list" })] })]);
});
