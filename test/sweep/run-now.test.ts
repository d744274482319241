import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue } from "./support/github-data.ts";
import { manualSweeps } from "./support/manual-sweeps.ts";
import { mockConfig, mockInstallation, mockInstalledRepos, mockIssues, mockNamedRepo, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { FULL_NAME, REPO_PATH, sweepDeps } from "./support/sweep-fixture.ts";

// Due at 06:00 on weekdays; the passes below run at noon, when no due time is fresh.
const CONFIG = 'sweep: { cron: "0 6 * * 1-5" }\n';
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
  deps.clock.now = new Date("2025-03-04T12:00:00Z");
});
afterEach(async () => await deps.store.close());

const tasks = async () => await deps.store.listTasks(TASK_STATES);

function mockPass(scope = githubApi(), statusOn: number[] = [3, 4]) {
  mockConfig(scope, CONFIG);
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  return mockStatusComments(scope, statusOn);
}

test("runNow sweeps the named repository at once, whatever its cron says", async () => {
  mockPass(mockNamedRepo(githubApi()));

  const report = await manualSweeps(deps).runNow(FULL_NAME);

  expect(report.repositories).toMatchObject([{ repo: FULL_NAME, status: "swept", dueAt: "now", picked: [{ number: 3 }, { number: 4 }] }]);
  expect(await deps.store.listEvents((await tasks())[0]?.id ?? 0)).toContainEqual(expect.objectContaining({ type: "triggered", data: { trigger: "sweep", by: "sweep", dueAt: "now" } }));
});

test("runNow with no repository sweeps every repository of every installation", async () => {
  mockPass(mockInstallation(githubApi()));

  const report = await manualSweeps(deps).runNow();

  expect(report.repositories.map((repo) => [repo.repo, repo.status])).toEqual([[FULL_NAME, "swept"]]);
  expect(await tasks()).toHaveLength(2);
});

test("an installation whose repositories cannot be listed is one failed line; the others are still swept", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(200, [{ id: 41 }, { id: 42 }]);
  scope.get("/installation/repositories").query(true).reply(500, { message: "boom" });
  mockPass(mockInstalledRepos(scope));

  const report = await manualSweeps(deps).runNow();

  expect(report.repositories.map((repo) => [repo.repo, repo.status])).toEqual([["installation 41", "failed"], [FULL_NAME, "swept"]]);
});

test("a repository the App is not installed on is reported as such", async () => {
  githubApi().get("/repos/someone/else/installation").reply(404, { message: "Not Found" });

  const report = await manualSweeps(deps).runNow("someone/else");

  expect(report.repositories).toEqual([expect.objectContaining({ repo: "someone/else", status: "not-installed" })]);
});

test("on-demand passes keep the caps: nothing starts beyond maxPerRun", async () => {
  const scope = mockNamedRepo(githubApi());
  mockConfig(scope, 'sweep: { cron: "0 6 * * 1-5", maxPerRun: 1 }\n');
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);

  const report = await manualSweeps(deps).runNow(FULL_NAME);

  expect(report.repositories[0]?.skipped).toEqual([expect.objectContaining({ number: 4, code: "limit" })]);
  expect(await tasks()).toHaveLength(1);
});

test("two concurrent on-demand passes in two processes create no duplicate tasks", async () => {
  const scope = githubApi();
  mockNamedRepo(scope);
  mockNamedRepo(scope);
  mockPass(scope);
  mockConfig(scope, CONFIG);
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  // Status comments are mocked once per issue: a duplicate task would post a second one.

  const [first, second] = await Promise.all([manualSweeps(deps).runNow(FULL_NAME), manualSweeps(deps).runNow(FULL_NAME)]);

  expect((await tasks()).map((task) => task.issueNumber)).toEqual([3, 4]);
  const started = [...(first.repositories[0]?.picked ?? []), ...(second.repositories[0]?.picked ?? [])].filter((pick) => pick.taskId !== undefined);
  expect(started.map((pick) => pick.number).sort()).toEqual([3, 4]);
  expect([first, second].map((report) => report.repositories[0]?.status)).toEqual(["swept", "swept"]);
});

test("a GitHub failure in one repository is reported, not thrown", async () => {
  const scope = mockNamedRepo(githubApi());
  mockConfig(scope, CONFIG);
  scope.get(`${REPO_PATH}/issues`).query(true).reply(500, { message: "GitHub is down" });

  const report = await manualSweeps(deps).runNow(FULL_NAME);

  expect(report.repositories).toEqual([expect.objectContaining({ status: "failed", reason: expect.stringContaining("GitHub is down") })]);
});
