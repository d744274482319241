import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import type { Task } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockCommentReaction, mockInstallationToken, mockPermission, mockReply } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueCommentCreated, pullRequestCommentCreated, REPO } from "../fixtures/webhooks.ts";

// A writer's `/agent retry` on the issue approves the issue as it reads now; one on a pull
// request (whose payload carries the pull request's text, not the issue's) keeps the snapshot.
const COMMENT_ID = 492700400;
const APPROVED = { title: "add() subtracts", body: "Fix add().", approvedBy: "maintainer" };
let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;
beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

async function failedTask(): Promise<Task> {
  const repo = { owner: REPO.owner, name: REPO.name, installationId: 2, cloneUrl: "https://github.com/Codertocat/Hello-World.git", defaultBranch: REPO.defaultBranch };
  const { task } = await deps.store.createTask({ repo, issueNumber: REPO.issue, trigger: "label", requester: "maintainer", issue: APPROVED });
  await deps.store.transition(task.id, "preparing");
  await deps.store.setParts(task.id, [{ index: 1, branch: "agent/issue-1/part-1", number: 1, url: "https://github.com/Codertocat/Hello-World/pull/1", headSha: "a".repeat(40) }]);
  return await deps.store.transition(task.id, "failed", { result: { outcome: "error", message: "boom" } });
}

function writerRetries(): void {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockCommentReaction(scope, COMMENT_ID);
  mockReply(scope, []);
}

const withText = (payload: Record<string, unknown>, title: string, body: string) => ({ ...payload, issue: { ...(payload.issue as object), title, body } });

test("a writer's retry on the issue takes the issue's text as it is now", async () => {
  const task = await failedTask();
  writerRetries();
  await deliver(probot, "issue_comment", "c-1", withText(issueCommentCreated("/agent retry"), "add() subtracts", "Fix add(), and cover negatives."));
  expect(await deps.store.issueSnapshot(task.id)).toMatchObject({ body: "Fix add(), and cover negatives.", approvedBy: "maintainer" });
});

test("a retry on a pull request keeps the snapshot: its payload is the pull request's text", async () => {
  const task = await failedTask();
  writerRetries();
  await deliver(probot, "issue_comment", "c-2", withText(pullRequestCommentCreated("/agent retry"), "Part 1", "Ferry's pull request body"));
  expect(await deps.store.openFollowUps(task.id)).toMatchObject([{ kind: "retry" }]);
  expect(await deps.store.issueSnapshot(task.id)).toMatchObject({ body: "Fix add()." });
});
