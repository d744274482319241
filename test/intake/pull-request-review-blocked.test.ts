import { describe, expect, test } from "@jest/globals";
import { FERRY_BOT } from "../helpers/ferry-account.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockPermission, repoPath } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";
import { mockReview, mockReviewCommentReaction, mockReviewComments, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
import { reviewCommentCreated, reviewSubmitted } from "../steering/review/support/review-webhooks.ts";

const REVIEW_ID = 801;

describe("review feedback the issue's other task blocks", () => {
  test("is not taken, and the pull request says so once, naming the other task", async () => {
    const base = intakeDeps();
    const task = await agentPull(base.store);
    const other = { ...task, id: 99, state: "running" as const };
    const followUp = { id: 1, taskId: task.id, kind: "review" as const, author: "maintainer", data: {}, batch: null, createdAt: "", readyAt: "", runId: null, doneAt: null };
    const blockedDeps = { ...base, followUps: { request: async () => ({ kind: "blocked" as const, task, other, followUp }) } };
    const blockedProbot = testProbot(blockedDeps);
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "maintainer", "write");
    mockReviewComments(scope, REVIEW_ID, [{ id: 11, reviewId: REVIEW_ID }]);
    mockReviewThreads([]);
    mockReviewCommentReaction(scope, 11);
    mockPermission(scope, "maintainer", "write");
    mockReview(scope, REVIEW_ID, "CHANGES_REQUESTED");
    mockReviewThreads([]);
    mockReviewCommentReaction(scope, 11);
    const posted: string[] = [];
    scope.get(`${repoPath}/issues/2/comments`).query(true).reply(200, []);
    scope.post(`${repoPath}/issues/2/comments`, (body: { body: string }) => posted.push(body.body) > 0).reply(201, { id: 77 });
    scope.get(`${repoPath}/issues/2/comments`).query(true).reply(200, () => posted.map((body) => ({ id: 77, body, user: FERRY_BOT })));

    await deliver(blockedProbot, "pull_request_review", "d-1", reviewSubmitted({ id: REVIEW_ID, state: "changes_requested" }));
    await deliver(blockedProbot, "pull_request_review_comment", "d-2", reviewCommentCreated({ id: 11, reviewId: REVIEW_ID }));

    expect(posted).toEqual([expect.stringContaining("another active task (task 99)")]);
    await base.store.close();
  });
});
