import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { listedIssue, listedPull } from "./support/github-data.ts";
import { pickedNumbers, planFor, skipCodes } from "./support/plan.ts";
import { sweepDeps } from "./support/sweep-fixture.ts";

// Which cap a sweep reports, pinned where the caps meet (mutation testing found these unpinned).
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const backlog = [listedIssue(1), listedIssue(2), listedIssue(3), listedIssue(4)];

test("a sweep that starts some issues gives no reason for starting none", async () => {
  const plan = await planFor(deps.store, backlog, { sweep: { maxPerRun: 2 } });
  expect(pickedNumbers(plan)).toEqual([1, 2]);
  expect(plan.reason).toBeUndefined();
});

test("a spent budget is not the reason when nothing was eligible anyway", async () => {
  const plan = await planFor(deps.store, [], { sweep: { maxUsdPerDay: 10 }, spentUsd: 10 });
  expect(plan.picks).toEqual([]);
  expect(plan.reason).toBeUndefined();
});

test("room for exactly maxPerRun more pull requests: maxPerRun is the cap that speaks", async () => {
  const plan = await planFor(deps.store, backlog, { sweep: { maxPerRun: 2, maxOpenPRs: 3 }, pulls: [listedPull(40, 9)] });
  expect(pickedNumbers(plan)).toEqual([1, 2]);
  expect(plan.skipped[0]?.reason).toBe("2 per sweep at most (sweep.maxPerRun)");
});

test("issues left out for want of pull request room are skipped as over a limit", async () => {
  const plan = await planFor(deps.store, backlog, { sweep: { maxPerRun: 3, maxOpenPRs: 2 }, pulls: [listedPull(40, 9)] });
  expect(pickedNumbers(plan)).toEqual([1]);
  expect(skipCodes(plan)).toEqual({ 2: "limit", 3: "limit", 4: "limit" });
});
