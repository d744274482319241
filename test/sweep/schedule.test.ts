import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { startSweeps } from "../../src/sweep/start-sweeps.ts";
import { MAX_JITTER_MS } from "../../src/sweep/sweep-tick.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { deferred } from "../tasks/support/deferred.ts";
import { listedIssue } from "./support/github-data.ts";
import { manualSweeps } from "./support/manual-sweeps.ts";
import { mockConfig, mockInstalledRepos, mockIssues, mockPulls, mockStatusComments, repository } from "./support/sweep-mocks.ts";
import { loggedErrors, sweepDeps, testGitHub } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

test("each installation waits its own random share of the jitter window before sweeping", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(200, [{ id: 42 }, { id: 43 }]);
  scope.get("/installation/repositories").query(true).times(2).reply(200, { total_count: 0, repositories: [] });
  const draws = [0.5, 0.25];

  const sweeps = manualSweeps(deps, { random: () => draws.shift() ?? 0 });
  await sweeps.tick();

  expect(sweeps.sleeps).toEqual([MAX_JITTER_MS / 2, MAX_JITTER_MS / 4]);
});

test("suspended installations are left out", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(200, [{ id: 42, suspended_at: "2025-01-01T00:00:00Z" }]);

  const sweeps = manualSweeps(deps);
  await sweeps.tick();

  expect(sweeps.sleeps).toEqual([]);
});

test("a tick still running when the next one comes is not overlapped", async () => {
  const jitter = deferred<void>();
  const scope = githubApi();
  scope.get("/app/installations").query(true).once().reply(200, [{ id: 42 }]);
  scope.get("/installation/repositories").query(true).reply(200, { total_count: 0, repositories: [] });
  const sweeps = manualSweeps(deps, { sleep: () => jitter.promise });

  const first = sweeps.tick();
  await sweeps.tick();
  jitter.resolve();
  await first;

  expect(loggedErrors(deps)).toEqual([]);
});

test("one installation failing does not stop the others", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(200, [{ id: 41 }, { id: 42 }]);
  scope.get("/installation/repositories").query(true).reply(500, { message: "boom" });
  mockInstalledRepos(scope);
  mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
  mockIssues(scope, [listedIssue(3)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);

  await manualSweeps(deps).tick();

  expect(await deps.store.listTasks(TASK_STATES)).toHaveLength(1);
  expect(loggedErrors(deps).map((line) => line.message)).toEqual(["sweep of an installation failed"]);
});

test("a repository whose config cannot be read does not stop the next one", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(200, [{ id: 42 }]);
  scope.get("/installation/repositories").query(true).reply(200, { total_count: 2, repositories: [repository(undefined, "broken"), repository()] });
  scope.get("/repos/octo-org/broken/contents/.github%2Fagent.yml").query(true).reply(500, { message: "boom" });
  mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
  mockIssues(scope, [listedIssue(3)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);

  await manualSweeps(deps).tick();

  expect(await deps.store.listTasks(TASK_STATES)).toHaveLength(1);
  expect(loggedErrors(deps)).toEqual([{ message: "reading a repository's config for a sweep failed", fields: { repo: "octo-org/broken", error: expect.stringContaining("boom") } }]);
});

test("after stop() a tick does nothing, and stop() may be called twice", async () => {
  const sweeps = manualSweeps(deps);

  sweeps.stop();
  sweeps.stop();
  // No GitHub mock: any request would be logged as an error.
  await sweeps.tick();

  expect(sweeps.stops).toBe(2);
  expect(loggedErrors(deps)).toEqual([]);
});

test("stop() during an installation's jitter wait ends the tick without sweeping", async () => {
  const scope = githubApi().get("/app/installations").query(true).reply(200, [{ id: 42 }]);
  // The real wait (up to 30 s) with the largest draw: only stop() can end it before the test times out.
  const sweeps = manualSweeps(deps, { sleep: undefined, random: () => 0.999 });

  const tick = sweeps.tick();
  while (!scope.isDone()) await new Promise((resolve) => setImmediate(resolve));
  sweeps.stop();
  await tick;

  expect(loggedErrors(deps)).toEqual([]);
});

test("the default schedule (croner, every minute) starts and stops cleanly", async () => {
  const sweeps = startSweeps({ github: testGitHub(), store: deps.store, queue: deps.queue, log: deps.log });
  sweeps.stop();
  sweeps.stop();
  expect(loggedErrors(deps)).toEqual([]);
});

test("a tick that fails is logged and the next tick still sweeps", async () => {
  const scope = githubApi();
  scope.get("/app/installations").query(true).reply(500, { message: "boom" });
  scope.get("/app/installations").query(true).reply(200, [{ id: 42 }]);
  mockInstalledRepos(scope);
  mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
  mockIssues(scope, [listedIssue(3)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);
  const sweeps = manualSweeps(deps);

  await sweeps.tick();
  await sweeps.tick();

  expect(loggedErrors(deps).map((line) => line.message)).toEqual(["sweep tick failed"]);
  expect(await deps.store.listTasks(TASK_STATES)).toHaveLength(1);
});
