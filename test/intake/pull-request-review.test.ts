import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type nock from "nock";
import type { Probot } from "probot";
import { FollowUps } from "../../src/steering/follow-ups/follow-ups.ts";
import { ReviewFeedback } from "../../src/steering/follow-ups/follow-up-data.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockPermission } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { deliver, silentLog, testProbot } from "../helpers/probot.ts";
import { manualClock } from "../steering/support/manual-clock.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";
import { mockReviewCommentReaction, mockReviewComments, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
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

const submit = (payload: object, id = "d-1") => deliver(probot, "pull_request_review", id, payload);
const feedbackOf = async (taskId: number) => (await deps.store.openFollowUps(taskId)).map((followUp) => ReviewFeedback.parse(followUp.data));

/** A writer's review with two inline comments, taken: permission, the comments, threads, 👀 on each. */
function writerReview(threads: Parameters<typeof mockReviewThreads>[0] = []): nock.Scope {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockReviewComments(scope, REVIEW_ID, [
    { id: 11, reviewId: REVIEW_ID, path: "src/a.ts", line: 4, body: "Rename this" },
    { id: 12, reviewId: REVIEW_ID, path: "src/b.ts", line: 9, body: "Add a test" },
  ]);
  mockReviewThreads(threads);
  mockReviewCommentReaction(scope, 11);
  return mockReviewCommentReaction(scope, 12);
}

describe("a submitted review on a pull request Ferry delivered", () => {
  test("a writer's changes-requested review becomes one follow-up with every comment and the unresolved threads", async () => {
    const task = await agentPull(deps.store);
    writerReview([
      { isResolved: false, comments: [{ id: 5, body: "Still open" }] },
      { isResolved: true, comments: [{ id: 6, body: "Settled" }] },
      { isResolved: false, comments: [{ id: 11, body: "Rename this" }] },
    ]);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", body: "A few things" }));

    const followUps = await deps.store.openFollowUps(task.id);
    // The batching window: 20 s after the review by default.
    expect(followUps).toMatchObject([{ kind: "review", author: "maintainer", batch: "review:pull-2", readyAt: "2025-01-01T12:00:20.000Z" }]);
    expect(await feedbackOf(task.id)).toEqual([
      expect.objectContaining({
        pull: 2,
        part: 1,
        branch: "agent/issue-1/part-1",
        reviews: [{ id: REVIEW_ID, state: "changes_requested", body: "A few things", author: "maintainer" }],
        comments: [
          expect.objectContaining({ id: 11, path: "src/a.ts", line: 4, body: "Rename this", author: "maintainer" }),
          expect.objectContaining({ id: 12, path: "src/b.ts", line: 9, body: "Add a test" }),
        ],
        threads: [{ comments: [expect.objectContaining({ id: 5, body: "Still open" })] }],
      }),
    ]);
  });

  test("a review with comments and inline notes is taken like changes requested", async () => {
    const task = await agentPull(deps.store);
    writerReview();

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "commented" }));

    expect((await feedbackOf(task.id))[0]?.comments.map((comment) => comment.id)).toEqual([11, 12]);
  });

  test("an approving review starts nothing and asks GitHub nothing", async () => {
    const task = await agentPull(deps.store);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "approved" }));

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a comment-only review without inline notes starts nothing", async () => {
    const task = await agentPull(deps.store);
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "maintainer", "write");
    mockReviewComments(scope, REVIEW_ID, []);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "commented", body: "Looks fine" }));

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a review by someone without write access starts nothing", async () => {
    const task = await agentPull(deps.store);
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "passer-by", "read");

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", sender: { login: "passer-by" } }));

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a bot's review starts nothing and asks GitHub nothing", async () => {
    const task = await agentPull(deps.store);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested", sender: { login: "ferry[bot]", type: "Bot" } }));

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a review on a pull request Ferry did not deliver is left alone", async () => {
    const task = await agentPull(deps.store, "done", 7);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }));

    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("a redelivered review changes nothing", async () => {
    const task = await agentPull(deps.store);
    writerReview();
    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }), "d-1");
    const before = await deps.store.openFollowUps(task.id);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }), "d-1");

    expect(await deps.store.openFollowUps(task.id)).toEqual(before);
  });

  test("when the review threads cannot be read, the follow-up is still made, without threads", async () => {
    const task = await agentPull(deps.store);
    writerReview("fails");
    expectLoggedWarning(/Could not read the review threads; going on without them/);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }));

    expect(await feedbackOf(task.id)).toEqual([expect.objectContaining({ threads: [], comments: [expect.objectContaining({ id: 11 }), expect.objectContaining({ id: 12 })] })]);
  });

  test("a 👀 GitHub refuses does not lose the review", async () => {
    const task = await agentPull(deps.store);
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "maintainer", "write");
    mockReviewComments(scope, REVIEW_ID, [{ id: 11, reviewId: REVIEW_ID }]);
    mockReviewThreads([]);
    scope.post("/repos/Codertocat/Hello-World/pulls/comments/11/reactions").reply(404, { message: "Not Found" });
    expectLoggedWarning(/Could not react to a review comment \(Not Found\)/);

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }));

    expect((await feedbackOf(task.id))[0]?.comments.map((comment) => comment.id)).toEqual([11]);
  });

  test("a review while the task runs waits for the next run instead of racing the current one", async () => {
    const task = await agentPull(deps.store, "running");
    writerReview();

    await submit(reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }));

    expect((await deps.store.getTask(task.id))?.state).toBe("running");
    expect(await deps.store.openFollowUps(task.id)).toMatchObject([{ kind: "review", runId: null }]);
  });
});
