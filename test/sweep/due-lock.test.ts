import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { tempDir } from "../tasks/support/temp-dir.ts";
import { listedIssue } from "./support/github-data.ts";
import { manualSweeps } from "./support/manual-sweeps.ts";
import { mockConfig, mockInstallation, mockIssues, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { loggedErrors, sweepDeps } from "./support/sweep-fixture.ts";

const DAILY = 'sweep: { cron: "0 6 * * *" }\n';
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const tasks = async (store = deps.store) => await store.listTasks(TASK_STATES);

/** The GitHub side of one sweep of the due repository: its backlog, Ferry's pulls, the two status comments. */
function mockSweep(scope = githubApi()) {
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  return mockStatusComments(scope, [3, 4]);
}

test("a due repository is swept once for its due time, however many ticks see it", async () => {
  const scope = githubApi();
  mockInstallation(scope);
  mockConfig(scope, DAILY);
  mockSweep(scope);
  // The second tick lists the installation again; the config is unchanged (same pushed_at), so it is not read again.
  mockInstallation(scope);
  const sweeps = manualSweeps(deps);

  await sweeps.tick();
  deps.clock.now = new Date("2025-03-04T06:01:30Z");
  await sweeps.tick();

  expect(await tasks()).toHaveLength(2);
  expect(loggedErrors(deps)).toEqual([]);
});

test("two processes on one store sweep a due time once: one set of tasks", async () => {
  const scope = githubApi();
  mockInstallation(scope);
  mockInstallation(scope);
  mockConfig(scope, DAILY);
  mockConfig(scope, DAILY);
  mockSweep(scope);
  const first = manualSweeps(deps);
  const second = manualSweeps(deps);

  await Promise.all([first.tick(), second.tick()]);

  expect((await tasks()).map((task) => task.issueNumber)).toEqual([3, 4]);
  expect(loggedErrors(deps)).toEqual([]);
});

test("a restart on the same data dir does not sweep the same due time again", async () => {
  const dir = tempDir();
  const before = sweepDeps(new SqliteStore({ dataDir: dir.path }));
  const scope = githubApi();
  mockInstallation(scope);
  mockConfig(scope, DAILY);
  mockSweep(scope);
  await manualSweeps(before).tick();
  await before.store.close();

  const after = sweepDeps(new SqliteStore({ dataDir: dir.path }));
  mockInstallation(scope);
  mockConfig(scope, DAILY);
  await manualSweeps(after).tick();

  expect(await tasks(after.store)).toHaveLength(2);
  expect(loggedErrors(after)).toEqual([]);
  await after.store.close();
  dir.remove();
});

test("a due time more than an hour old is not swept late", async () => {
  deps.clock.now = new Date("2025-03-04T07:30:00Z");
  const scope = githubApi();
  mockInstallation(scope);
  mockConfig(scope, DAILY);

  await manualSweeps(deps).tick();

  expect(await tasks()).toEqual([]);
  expect(loggedErrors(deps)).toEqual([]);
});

test("the next due time is swept again, with the same rules", async () => {
  const hourly = 'sweep: { cron: "0 * * * *", maxPerRun: 1 }\n';
  const scope = githubApi();
  mockInstallation(scope);
  mockConfig(scope, hourly);
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);
  const sweeps = manualSweeps(deps);
  await sweeps.tick();

  deps.clock.now = new Date("2025-03-04T07:00:30Z");
  mockInstallation(scope);
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [4]);
  await sweeps.tick();

  expect((await tasks()).map((task) => task.issueNumber)).toEqual([3, 4]);
  expect(loggedErrors(deps)).toEqual([]);
});
