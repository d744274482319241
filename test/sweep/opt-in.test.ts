import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue } from "./support/github-data.ts";
import { manualSweeps } from "./support/manual-sweeps.ts";
import { mockConfig, mockInstallation, mockIssues, mockNamedRepo, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { FULL_NAME, loggedErrors, sweepDeps } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const tasks = async () => await deps.store.listTasks(TASK_STATES);
const warnings = () => deps.log.lines.filter((line) => line.level === "warn").map((line) => line.message);

describe("scheduled ticks", () => {
  test.each([
    ["no .github/agent.yml", undefined],
    ["a config without sweep:", "label: agent\n"],
  ])("%s: the repository is never swept (no backlog is read)", async (_name, yaml) => {
    const scope = githubApi();
    mockInstallation(scope);
    mockConfig(scope, yaml);

    await manualSweeps(deps).tick();

    expect(await tasks()).toEqual([]);
    expect(loggedErrors(deps)).toEqual([]);
  });

  test("an invalid config is not swept, and warned about once per version of the file", async () => {
    const scope = githubApi();
    mockInstallation(scope);
    mockConfig(scope, 'sweep: { cron: "0 6 * * *", maxPerRun: lots }\n');
    mockInstallation(scope);
    const sweeps = manualSweeps(deps);

    await sweeps.tick();
    await sweeps.tick();

    expect(await tasks()).toEqual([]);
    expect(warnings()).toEqual(["repository config is invalid; not sweeping it"]);
  });

  test("a push that adds sweep: is seen at the next tick (the config is read again when pushed_at moves)", async () => {
    const scope = githubApi();
    mockInstallation(scope, "2025-03-01T00:00:00Z");
    mockConfig(scope, "label: agent\n");
    mockInstallation(scope, "2025-03-04T06:00:50Z");
    mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
    mockIssues(scope, [listedIssue(3)]);
    mockPulls(scope);
    mockStatusComments(scope, [3]);
    const sweeps = manualSweeps(deps);

    await sweeps.tick();
    deps.clock.now = new Date("2025-03-04T06:01:30Z");
    await sweeps.tick();

    expect(await tasks()).toHaveLength(1);
  });

  test("a config with sweep: is swept when due", async () => {
    const scope = githubApi();
    mockInstallation(scope);
    mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
    mockIssues(scope, [listedIssue(3)]);
    mockPulls(scope);
    mockStatusComments(scope, [3]);

    await manualSweeps(deps).tick();

    expect(await tasks()).toHaveLength(1);
  });
});

describe("on-demand passes report why a repository was not swept", () => {
  test.each([
    ["no sweep: key", "label: agent\n", "not-opted-in", "no sweep: in .github/agent.yml"],
    ["an invalid config", "sweep: { cron: sometimes }\n", "invalid-config", "sweep.cron: expected a 5-field cron expression"],
    ["a cron the scheduler cannot run", 'sweep: { cron: "5-1 * * * *" }\n', "invalid-config", "sweep.cron: expected a 5-field cron expression like \"0 6 * * 1-5\" (From value is larger than to value: '5-1')"],
  ])("%s", async (_name, yaml, status, reason) => {
    const scope = githubApi();
    mockNamedRepo(scope);
    mockConfig(scope, yaml);

    const report = await manualSweeps(deps).runNow(FULL_NAME);

    expect(report.repositories).toEqual([expect.objectContaining({ repo: FULL_NAME, status, reason: expect.stringContaining(reason), picked: [], skipped: [] })]);
    expect(await tasks()).toEqual([]);
  });
});
