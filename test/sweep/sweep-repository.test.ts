import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { SWEEP_REQUESTER } from "../../src/sweep/start-picks.ts";
import { sweepRepository } from "../../src/sweep/sweep-repository.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue } from "./support/github-data.ts";
import { labeledEvent, mockIssues, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { REPO, REPO_PATH, sweepConfig, sweepDeps, testClient } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const DUE = "2025-03-04T06:00:00.000Z";
const sweep = (overrides = {}) => sweepRepository(deps, testClient(), REPO, sweepConfig(overrides), DUE);

test("each pick becomes a queued task triggered by the sweep, with its status comment and 👀, then the queue", async () => {
  const posted: number[] = [];
  const seen: number[] = [];
  const scope = githubApi();
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [3, 4], posted, seen);

  const report = await sweep();

  const tasks = await deps.store.listTasks(TASK_STATES);
  expect(tasks).toMatchObject([
    { issueNumber: 3, trigger: "sweep", requester: SWEEP_REQUESTER, state: "queued" },
    { issueNumber: 4, trigger: "sweep", requester: SWEEP_REQUESTER, state: "queued" },
  ]);
  expect(await deps.store.listEvents(tasks[0]?.id ?? 0)).toContainEqual(expect.objectContaining({ type: "triggered", data: { trigger: "sweep", by: "sweep", dueAt: DUE } }));
  expect(posted).toEqual([3, 4]);
  expect(seen).toEqual([3, 4]);
  expect(deps.enqueued).toEqual(tasks.map((task) => task.id));
  expect(report).toMatchObject({ repo: "octo-org/widgets", status: "swept", dueAt: DUE, picked: [{ number: 3, taskId: tasks[0]?.id }, { number: 4, taskId: tasks[1]?.id }] });
});

test("a status comment GitHub refused neither unqueues that task nor stops the next pick", async () => {
  const scope = githubApi();
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  scope.get(`${REPO_PATH}/issues/3/comments`).query(true).reply(500, { message: "boom" });
  mockStatusComments(scope, [4]);

  const report = await sweep();

  expect(deps.enqueued).toHaveLength(2);
  expect(report.picked.map((pick) => [pick.number, pick.taskId])).toEqual([[3, deps.enqueued[0]], [4, deps.enqueued[1]]]);
  expect(report.picked[0]?.why).toContain("its status comment failed");
});

test("a 👀 GitHub refused is reported with the pick, and the task still runs", async () => {
  const scope = githubApi();
  mockIssues(scope, [listedIssue(3)]);
  mockPulls(scope);
  scope.get(`${REPO_PATH}/issues/3/comments`).query(true).reply(200, []).post(`${REPO_PATH}/issues/3/comments`).reply(201, { id: 7003 });
  scope.post(`${REPO_PATH}/issues/3/reactions`, { content: "eyes" }).reply(502, { message: "bad gateway" });

  const report = await sweep();

  expect(deps.enqueued).toHaveLength(1);
  expect(report.picked.map((pick) => [pick.number, pick.taskId])).toEqual([[3, deps.enqueued[0]]]);
  expect(report.picked[0]?.why).toContain("its 👀 failed");
});

test("pull requests in the issues list are not issues", async () => {
  const scope = githubApi();
  mockIssues(scope, [listedIssue(3, { pullRequest: true }), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [4]);

  const report = await sweep();

  expect(report.picked.map((pick) => pick.number)).toEqual([4]);
  expect(report.skipped).toEqual([]);
});

test("an issue carrying any of the sweep labels is a candidate, and one carrying two is counted once", async () => {
  const scope = githubApi();
  mockIssues(scope, [listedIssue(3, { labels: ["backlog", "easy"] })], "backlog");
  mockIssues(scope, [listedIssue(3, { labels: ["backlog", "easy"] }), listedIssue(4, { labels: ["easy"] })], "easy");
  mockPulls(scope);
  mockStatusComments(scope, [3, 4]);

  const report = await sweep({ labels: ["backlog", "easy"], maxPerRun: 5 });

  expect(report.picked.map((pick) => pick.number)).toEqual([3, 4]);
});

test("every page of issues is read", async () => {
  const firstPage = Array.from({ length: 100 }, (_, index) => listedIssue(index + 1, { locked: true }));
  const scope = githubApi();
  mockIssues(scope, firstPage);
  scope.get(`${REPO_PATH}/issues`).query({ state: "open", labels: "agent-backlog", per_page: "100", page: "2" }).reply(200, [listedIssue(101, { createdAt: "2024-01-01T00:00:00Z" })]);
  scope.get(`${REPO_PATH}/issues/101/events`).query(true).reply(200, [labeledEvent("agent-backlog", "maintainer")]);
  mockPulls(scope);
  mockStatusComments(scope, [101]);

  const report = await sweep();

  expect(report.picked.map((pick) => pick.number)).toEqual([101]);
  expect(report.skipped).toHaveLength(100);
});
