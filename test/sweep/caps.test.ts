import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { sweepRepository } from "../../src/sweep/sweep-repository.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue, listedPull } from "./support/github-data.ts";
import { pickedNumbers, planFor, skipCodes } from "./support/plan.ts";
import { mockIssues, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { endedTask, REPO, sweepConfig, sweepDeps, testClient } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const backlog = [listedIssue(1), listedIssue(2), listedIssue(3), listedIssue(4)];

describe("maxPerRun", () => {
  test("picks at most maxPerRun issues and says why the rest wait", async () => {
    const plan = await planFor(deps.store, backlog, { sweep: { maxPerRun: 2 } });
    expect(pickedNumbers(plan)).toEqual([1, 2]);
    expect(skipCodes(plan)).toEqual({ 3: "limit", 4: "limit" });
    expect(plan.skipped[0]?.reason).toContain("sweep.maxPerRun");
  });
});

describe("maxOpenPRs", () => {
  test("open agent pull requests are counted as pull requests: a 3-part stack uses 3 of the room", async () => {
    const pulls = [listedPull(40, 9, { part: 1 }), listedPull(41, 9, { part: 2 }), listedPull(42, 9, { part: 3 })];
    const plan = await planFor(deps.store, backlog, { sweep: { maxPerRun: 3, maxOpenPRs: 4 }, pulls });
    expect(pickedNumbers(plan)).toEqual([1]);
    expect(plan.limits.openPulls).toBe(3);
    expect(plan.skipped[0]?.reason).toBe("3 of 4 agent pull requests are open (sweep.maxOpenPRs)");
  });

  test("closed and merged agent pull requests and fork pull requests take no room", async () => {
    const pulls = [listedPull(40, 9, { state: "closed" }), listedPull(41, 8, { merged: true }), listedPull(42, 7, { fork: true })];
    expect(pickedNumbers(await planFor(deps.store, backlog, { sweep: { maxOpenPRs: 1 }, pulls }))).toEqual([1]);
  });

  test("with the room full nothing is picked, and the plan says so", async () => {
    const plan = await planFor(deps.store, backlog, { sweep: { maxOpenPRs: 1 }, pulls: [listedPull(40, 9)] });
    expect(plan.picks).toEqual([]);
    expect(plan.reason).toBe("1 of 1 agent pull requests are open (sweep.maxOpenPRs)");
  });
});

describe("maxUsdPerDay", () => {
  test("a spent daily budget starts nothing, and the reason names the amounts", async () => {
    const plan = await planFor(deps.store, backlog, { sweep: { maxUsdPerDay: 10 }, spentUsd: 10 });
    expect(plan.picks).toEqual([]);
    expect(skipCodes(plan)).toEqual({ 1: "budget", 2: "budget", 3: "budget", 4: "budget" });
    expect(plan.reason).toBe("the daily budget is spent: $10.00 of $10.00 since 00:00 UTC (sweep.maxUsdPerDay)");
  });

  test("below the budget the sweep picks as usual", async () => {
    expect(pickedNumbers(await planFor(deps.store, backlog, { sweep: { maxUsdPerDay: 10 }, spentUsd: 9.99 }))).toEqual([1, 2]);
  });

  test("a sweep counts what the repository's runs cost since midnight UTC, not yesterday's", async () => {
    deps.clock.now = new Date("2025-03-03T23:00:00Z");
    await endedTask(deps.store, 20, "failed", 50);
    deps.clock.now = new Date("2025-03-04T01:00:00Z");
    await endedTask(deps.store, 21, "failed", 6);
    await endedTask(deps.store, 22, "failed", 4);
    deps.clock.now = new Date("2025-03-04T06:00:30Z");
    const scope = githubApi();
    mockIssues(scope, backlog);
    mockPulls(scope);

    const report = await sweepRepository(deps, testClient(), REPO, sweepConfig({ maxUsdPerDay: 10 }), "2025-03-04T06:00:00.000Z");

    expect(report.picked).toEqual([]);
    expect(report.limits?.spentUsd).toBe(10);
    expect(report.reason).toContain("daily budget is spent");
    expect(deps.enqueued).toEqual([]);
  });

  test("yesterday's spend alone does not block today's sweep", async () => {
    deps.clock.now = new Date("2025-03-03T23:00:00Z");
    await endedTask(deps.store, 20, "failed", 50);
    deps.clock.now = new Date("2025-03-04T06:00:30Z");
    const scope = githubApi();
    mockIssues(scope, [listedIssue(1)]);
    mockPulls(scope);
    mockStatusComments(scope, [1]);

    const report = await sweepRepository(deps, testClient(), REPO, sweepConfig({ maxUsdPerDay: 10 }), "2025-03-04T06:00:00.000Z");

    expect(report.picked.map((pick) => pick.number)).toEqual([1]);
    expect(deps.enqueued).toHaveLength(1);
  });
});
