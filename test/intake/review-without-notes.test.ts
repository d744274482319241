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
import { mockReviewComments, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
import { reviewSubmitted } from "../steering/review/support/review-webhooks.ts";

const REVIEW_ID = 801;
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

const feedbackOf = async (taskId: number) => (await deps.store.openFollowUps(taskId)).map((followUp) => ReviewFeedback.parse(followUp.data));

/** A writer's review with no inline note: permission and an empty comment list. */
function reviewWithoutNotes(): void {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockReviewComments(scope, REVIEW_ID, []);
  mockReviewThreads([]);
}

// Only a comment-only review needs an inline note to count: "changes requested" with just a
// summary is still a request for changes.
test("a changes-requested review with a body and no inline note becomes a follow-up", async () => {
  const task = await agentPull(deps.store);
  reviewWithoutNotes();

  await deliver(probot, "pull_request_review", "d-1", reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", body: "Split the parser out" }));

  expect(await feedbackOf(task.id)).toEqual([
    expect.objectContaining({ comments: [], reviews: [{ id: REVIEW_ID, state: "changes_requested", body: "Split the parser out", author: "maintainer" }] }),
  ]);
});

test("a review without a body is taken with an empty body", async () => {
  const task = await agentPull(deps.store);
  reviewWithoutNotes();

  await deliver(probot, "pull_request_review", "d-1", reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", body: null }));

  expect((await feedbackOf(task.id))[0]?.reviews).toEqual([{ id: REVIEW_ID, state: "changes_requested", body: "", author: "maintainer" }]);
});

// GitHub sends `user: null` for a deleted account ("ghost"); the sender is who submitted it.
test("a review whose author account is gone is credited to its sender", async () => {
  const task = await agentPull(deps.store);
  reviewWithoutNotes();
  const payload = reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", body: "Please" });

  await deliver(probot, "pull_request_review", "d-1", { ...payload, review: { ...payload.review, user: null } });

  expect((await feedbackOf(task.id))[0]?.reviews).toEqual([expect.objectContaining({ author: "maintainer" })]);
});
