import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { DEFAULT_CEILINGS } from "../../src/config/clamp-limits.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue } from "../sweep/support/github-data.ts";
import { manualSweeps } from "../sweep/support/manual-sweeps.ts";
import { mockConfig, mockIssues, mockNamedRepo, mockPulls, mockStatusComments } from "../sweep/support/sweep-mocks.ts";
import { FULL_NAME, sweepDeps } from "../sweep/support/sweep-fixture.ts";

// Attack: a repository's config asks a sweep to start its whole backlog at once, on a budget of
// its own choosing. FERRY_MAX_SWEEP_PER_RUN and FERRY_MAX_SWEEP_USD_PER_DAY cap both.
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
  deps.clock.now = new Date("2025-03-04T12:00:00Z");
});
afterEach(async () => await deps.store.close());

test("a sweep asking for 100 picks per run and $1000 a day gets the operator's 1 and $3", async () => {
  const scope = mockNamedRepo(githubApi());
  mockConfig(scope, 'sweep: { cron: "0 6 * * 1-5", maxPerRun: 100, maxUsdPerDay: 1000 }\n');
  mockIssues(scope, [listedIssue(3), listedIssue(4)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);

  const report = await manualSweeps(deps, { ceilings: { ...DEFAULT_CEILINGS, sweepPerRun: 1, sweepUsdPerDay: 3 } }).runNow(FULL_NAME);

  expect(report.repositories[0]).toMatchObject({ limits: { maxPerRun: 1, maxUsdPerDay: 3 }, skipped: [{ number: 4, code: "limit" }] });
  expect(await deps.store.listTasks(TASK_STATES)).toHaveLength(1);
});
