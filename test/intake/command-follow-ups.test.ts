import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type nock from "nock";
import type { Probot } from "probot";
import type { Task, TaskResult } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockCommentReaction, mockInstallationToken, mockPermission, mockRepoConfig, mockReply } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueCommentCreated, pullRequestCommentCreated, REPO } from "../fixtures/webhooks.ts";

const COMMENT_ID = 492700400;
const noChanges: TaskResult = { outcome: "no-changes", summary: "done", spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 } };
let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

const repo = { owner: REPO.owner, name: REPO.name, installationId: 2, cloneUrl: "https://github.com/Codertocat/Hello-World.git", defaultBranch: REPO.defaultBranch };

/** A task on `issueNumber` that ran and ended in `state`. */
async function endedTask(state: "done" | "failed" | "cancelled", issueNumber: number = REPO.issue): Promise<Task> {
  const { task } = await deps.store.createTask({ repo, issueNumber, trigger: "label", requester: "maintainer" });
  await deps.store.transition(task.id, "preparing");
  if (state === "done") await deps.store.transition(task.id, "running");
  const result: TaskResult = state === "cancelled" ? { outcome: "cancelled", reason: "@maintainer asked to stop" } : state === "failed" ? { outcome: "error", message: "boom" } : noChanges;
  return await deps.store.transition(task.id, state, { result });
}

function writerReplies(): { scope: nock.Scope; replies: string[] } {
  const replies: string[] = [];
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockCommentReaction(scope, COMMENT_ID);
  mockReply(scope, replies);
  return { scope, replies };
}

const onIssue = (body: string, id = "c-1") => deliver(probot, "issue_comment", id, issueCommentCreated(body));
const onPull = (body: string, id = "c-1") => deliver(probot, "issue_comment", id, pullRequestCommentCreated(body));

describe("/agent redirect and /agent retry after the task ended", () => {
  test("a redirect on a finished task starts a follow-up run of the same task with that instruction", async () => {
    const task = await endedTask("done");
    const { replies } = writerReplies();

    await onIssue("/agent redirect Also handle negative numbers");

    expect(replies).toEqual([`Starting a follow-up run with this instruction, on the same branches and pull requests of task ${task.id}.`]);
    expect((await deps.store.getTask(task.id))?.state).toBe("queued");
    expect(await deps.store.openFollowUps(task.id)).toMatchObject([{ kind: "redirect", author: "maintainer", data: { text: "Also handle negative numbers" }, runId: null }]);
    expect(await deps.store.listTasks(["queued"])).toHaveLength(1);
  });

  test("a retry of a failed task starts a fresh run of it, not a new task", async () => {
    const task = await endedTask("failed");
    const { replies } = writerReplies();

    await onIssue("/agent retry");

    expect(replies).toEqual([`Starting a fresh run of task ${task.id}.`]);
    expect(await deps.store.getTask(task.id)).toMatchObject({ state: "queued", result: null });
    expect(await deps.store.openFollowUps(task.id)).toMatchObject([{ kind: "retry" }]);
  });

  test("the issue's newest task is the one retried", async () => {
    await endedTask("failed");
    const newer = await endedTask("cancelled");
    const { replies } = writerReplies();

    await onIssue("/agent retry");

    expect(replies[0]).toBe(`Starting a fresh run of task ${newer.id}.`);
    expect((await deps.store.listTasks(["queued"])).map((task) => task.id)).toEqual([newer.id]);
  });
});

describe("/agent stop", () => {
  test("stop on an ended task drops the follow-ups still waiting for their run", async () => {
    const task = await endedTask("done");
    await deps.store.addFollowUp(task.id, { kind: "review", author: "reviewer", data: {}, readyAt: "2999-01-01T00:00:00.000Z" });
    const { replies } = writerReplies();

    await onIssue("/agent stop");

    expect(replies).toEqual([`Task ${task.id} had already ended; dropped 1 queued follow-up.`]);
    expect(await deps.store.openFollowUps(task.id)).toEqual([]);
  });

  test("stop on an ended task with nothing queued says there is nothing to stop", async () => {
    const task = await endedTask("done");
    const { replies } = writerReplies();

    await onIssue("/agent stop");

    expect(replies).toEqual([`Task ${task.id} is not running; there is nothing to stop.`]);
  });
});

describe("commands on an agent pull request", () => {
  test("a command on a part's pull request steers the task that delivered it", async () => {
    const task = await endedTask("done", 7);
    await deps.store.setParts(task.id, [{ index: 1, branch: "agent/issue-7/part-1", number: REPO.issue, url: "https://github.com/Codertocat/Hello-World/pull/1", headSha: "a".repeat(40) }]);
    const { scope, replies } = writerReplies();
    mockRepoConfig(scope, undefined);

    await onPull("/agent status");

    expect(replies[0]).toMatch(new RegExp(`^\\*\\*Task ${task.id}\\*\\* is \\*\\*done\\*\\*`));
    expect(replies[0]).toContain("**Pull request**: #1");
  });

  test("a command on a pull request Ferry did not open is refused, and nothing is queued", async () => {
    await endedTask("done", 7);
    const { replies } = writerReplies();

    await onPull("/agent retry");

    expect(replies).toEqual(["This pull request was not opened by Ferry, so there is no task to steer here."]);
    expect(await deps.store.listTasks(["queued"])).toEqual([]);
  });

  test("/agent run on a pull request points to the issue", async () => {
    const { replies } = writerReplies();

    await onPull("/agent run");

    expect(replies).toEqual(["`/agent run` works on issues: comment it on the issue you want solved."]);
  });
});
