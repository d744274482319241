import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type nock from "nock";
import type { Probot } from "probot";
import { FollowUps } from "../../src/steering/follow-ups/follow-ups.ts";
import { ReviewFeedback } from "../../src/steering/follow-ups/follow-up-data.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockPermission } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, silentLog, testProbot } from "../helpers/probot.ts";
import { manualClock } from "../steering/support/manual-clock.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";
import { mockReview, mockReviewCommentReaction, mockReviewComments, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
import { reviewCommentCreated, reviewSubmitted, type CommentFields } from "../steering/review/support/review-webhooks.ts";

const REVIEW_ID = 801;
const SINGLE_ID = 802;
let deps: ReturnType<typeof intakeDeps> & { followUps: FollowUps };
let probot: Probot;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  const base = intakeDeps();
  clock = manualClock();
  const queue = { reopen: async (id: number) => await base.store.transition(id, "queued") };
  deps = { ...base, followUps: new FollowUps({ store: base.store, queue, log: silentLog, now: clock.now }) };
  probot = testProbot(deps);
});
afterEach(async () => {
  deps.followUps.stop();
  await deps.store.close();
});

const comment = (fields: CommentFields, id: string, sender?: { login: string; type?: "User" | "Bot" }) =>
  deliver(probot, "pull_request_review_comment", id, reviewCommentCreated(fields, sender));
const feedbackOf = async (taskId: number) => (await deps.store.openFollowUps(taskId)).map((followUp) => ReviewFeedback.parse(followUp.data));

function api(): nock.Scope {
  const scope = githubApi();
  return mockInstallationToken(scope);
}

/** A writer's comment event taken: permission, its review's state, threads, 👀 on the comment. */
function takenComment(scope: nock.Scope, commentId: number, reviewId: number, state = "COMMENTED"): void {
  mockPermission(scope, "maintainer", "write");
  mockReview(scope, reviewId, state);
  mockReviewThreads([]);
  mockReviewCommentReaction(scope, commentId);
}

describe("single review comments on a pull request Ferry delivered", () => {
  test("a review, its comment events and a single comment within the window make one follow-up with each comment once", async () => {
    const task = await agentPull(deps.store);
    const scope = api();
    mockPermission(scope, "maintainer", "write");
    mockReviewComments(scope, REVIEW_ID, [
      { id: 11, reviewId: REVIEW_ID },
      { id: 12, reviewId: REVIEW_ID },
    ]);
    mockReviewThreads([]);
    mockReviewCommentReaction(scope, 11);
    mockReviewCommentReaction(scope, 12);
    takenComment(scope, 11, REVIEW_ID, "CHANGES_REQUESTED");
    takenComment(scope, 12, REVIEW_ID, "CHANGES_REQUESTED");
    takenComment(scope, 13, SINGLE_ID);

    await comment({ id: 11, reviewId: REVIEW_ID }, "d-1");
    await deliver(probot, "pull_request_review", "d-2", reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", body: "Please" }));
    await comment({ id: 12, reviewId: REVIEW_ID }, "d-3");
    clock.advance(15_000);
    await comment({ id: 13, reviewId: SINGLE_ID, body: "One more thing" }, "d-4");

    const feedback = await feedbackOf(task.id);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.comments.map((note) => note.id)).toEqual([11, 12, 13]);
    expect(feedback[0]?.reviews.map((review) => review.id)).toEqual([REVIEW_ID, SINGLE_ID]);
  });

  test("a reply in an earlier thread is addressed, with the thread's earlier comments as context", async () => {
    const task = await agentPull(deps.store);
    const scope = api();
    mockPermission(scope, "maintainer", "write");
    mockReview(scope, SINGLE_ID, "COMMENTED");
    mockReviewThreads([{ isResolved: true, comments: [{ id: 5, body: "Why this name?" }, { id: 14, body: "Rename it please" }] }]);
    mockReviewCommentReaction(scope, 14);

    await comment({ id: 14, reviewId: SINGLE_ID, inReplyTo: 5, body: "Rename it please" }, "d-1");

    expect(await feedbackOf(task.id)).toEqual([
      expect.objectContaining({
        comments: [expect.objectContaining({ id: 14, body: "Rename it please" })],
        threads: [{ comments: [expect.objectContaining({ id: 5, body: "Why this name?" })] }],
      }),
    ]);
  });

  test("Ferry's own reply in a thread (a bot's comment) triggers nothing", async () => {
    const task = await agentPull(deps.store);

    await comment({ id: 15, reviewId: SINGLE_ID, inReplyTo: 11 }, "d-1", { login: "ferry[bot]", type: "Bot" });

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a comment of an approving review starts nothing", async () => {
    const task = await agentPull(deps.store);
    const scope = api();
    mockPermission(scope, "maintainer", "write");
    mockReview(scope, REVIEW_ID, "APPROVED");

    await comment({ id: 11, reviewId: REVIEW_ID }, "d-1");

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a comment by someone without write access starts nothing", async () => {
    const task = await agentPull(deps.store);
    const scope = api();
    mockPermission(scope, "passer-by", "read");

    await comment({ id: 11, reviewId: REVIEW_ID }, "d-1", { login: "passer-by" });

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a redelivered comment changes nothing", async () => {
    const task = await agentPull(deps.store);
    takenComment(api(), 13, SINGLE_ID);
    await comment({ id: 13, reviewId: SINGLE_ID }, "d-1");
    const before = await deps.store.openFollowUps(task.id);

    await comment({ id: 13, reviewId: SINGLE_ID }, "d-1");

    expect(await deps.store.openFollowUps(task.id)).toEqual(before);
  });
});
