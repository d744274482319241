import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { listedIssue, listedPull } from "./support/github-data.ts";
import { pickedNumbers, planFor, skipCodes } from "./support/plan.ts";
import { endedTask, REPO, sweepDeps } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const at = (iso: string) => {
  deps.clock.now = new Date(iso);
};
const plan = async (issues: object[], input: Parameters<typeof planFor>[2] = {}) => await planFor(deps.store, issues, { sweep: { maxPerRun: 10 }, ...input });

describe("issues a sweep passes over", () => {
  test("an eligible issue is picked", async () => {
    expect(pickedNumbers(await plan([listedIssue(3)]))).toEqual([3]);
  });

  test("a locked issue is skipped", async () => {
    const result = await plan([listedIssue(3, { locked: true }), listedIssue(4)]);
    expect(skipCodes(result)).toEqual({ 3: "locked" });
    expect(pickedNumbers(result)).toEqual([4]);
  });

  test("an issue with an active task is skipped", async () => {
    const { task } = await deps.store.createTask({ repo: REPO, issueNumber: 3, trigger: "label", requester: "maintainer" });
    const result = await plan([listedIssue(3)]);
    expect(result.skipped).toEqual([{ number: 3, title: "Issue 3", code: "active-task", reason: `task ${task.id} is already queued` }]);
  });

  test("an issue with an open agent pull request is skipped", async () => {
    const result = await plan([listedIssue(3)], { pulls: [listedPull(40, 3, { part: 2 })] });
    expect(result.skipped).toEqual([{ number: 3, title: "Issue 3", code: "open-pull", reason: "agent pull request #40 is open" }]);
  });

  test("an issue whose agent pull request was closed unmerged is skipped for good, however long ago", async () => {
    at("2024-01-01T00:00:00Z");
    await endedTask(deps.store, 3, "changes-ready");
    const result = await plan([listedIssue(3, { updatedAt: "2025-03-01T00:00:00Z" })], { pulls: [listedPull(40, 3, { state: "closed" })] });
    expect(skipCodes(result)).toEqual({ 3: "closed-pull" });
    expect(result.skipped[0]?.reason).toContain("never retry");
  });

  test("a merged agent pull request does not hold the issue back", async () => {
    expect(pickedNumbers(await plan([listedIssue(3)], { pulls: [listedPull(40, 3, { merged: true })] }))).toEqual([3]);
  });

  test("a fork's pull request on an agent-like branch is not Ferry's", async () => {
    expect(pickedNumbers(await plan([listedIssue(3)], { pulls: [listedPull(40, 3, { fork: true })] }))).toEqual([3]);
  });

  test("an issue no writer approved (labelled by someone without write access) is skipped, saying so", async () => {
    const result = await plan([listedIssue(3), listedIssue(4)], { approvals: new Map([[3, { approvedBy: undefined }], [4, { approvedBy: "maintainer" }]]) });
    expect(result.skipped).toEqual([{ number: 3, title: "Issue 3", code: "unapproved", reason: "labelled by someone without write access" }]);
    expect(pickedNumbers(result)).toEqual([4]);
  });

  test("an issue whose approval was never looked up is not picked", async () => {
    expect(skipCodes(await plan([listedIssue(3)], { approvals: new Map() }))).toEqual({ 3: "unapproved" });
  });

  test("agent pull requests of issue 3 do not hold back issue 33", async () => {
    expect(pickedNumbers(await plan([listedIssue(33)], { pulls: [listedPull(40, 3)] }))).toEqual([33]);
  });
});

describe("issues whose last task ended without a result", () => {
  test("a recent failure with no newer activity is skipped", async () => {
    at("2025-03-01T12:00:00Z");
    const task = await endedTask(deps.store, 3, "failed");
    const result = await plan([listedIssue(3, { updatedAt: "2025-03-01T12:00:00Z" })]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ number: 3, code: "ended-recently", reason: expect.stringContaining(`task ${task.id} failed on 2025-03-01`) }),
    ]);
  });

  test("Ferry's own status edit just after the failure is not new activity", async () => {
    at("2025-03-01T12:00:00Z");
    await endedTask(deps.store, 3, "failed");
    expect(skipCodes(await plan([listedIssue(3, { updatedAt: "2025-03-01T12:00:20Z" })]))).toEqual({ 3: "ended-recently" });
  });

  test("a failure followed by activity on the issue is retried", async () => {
    at("2025-03-01T12:00:00Z");
    await endedTask(deps.store, 3, "failed");
    expect(pickedNumbers(await plan([listedIssue(3, { updatedAt: "2025-03-02T09:00:00Z" })]))).toEqual([3]);
  });

  test("a failure more than 7 days old is retried", async () => {
    at("2025-02-20T12:00:00Z");
    await endedTask(deps.store, 3, "failed");
    expect(pickedNumbers(await plan([listedIssue(3, { updatedAt: "2025-02-20T12:00:00Z" })]))).toEqual([3]);
  });

  test("a task stopped by a maintainer, or one that ended without changes, counts like a failure", async () => {
    at("2025-03-01T12:00:00Z");
    await endedTask(deps.store, 3, "cancelled");
    await endedTask(deps.store, 4, "no-changes");
    const issues = [listedIssue(3, { updatedAt: "2025-03-01T12:00:00Z" }), listedIssue(4, { updatedAt: "2025-03-01T12:00:00Z" })];
    expect(skipCodes(await plan(issues))).toEqual({ 3: "ended-recently", 4: "ended-recently" });
  });

  test("an issue whose last task succeeded is eligible again (its pull requests decide)", async () => {
    at("2025-03-01T12:00:00Z");
    await endedTask(deps.store, 3, "changes-ready");
    expect(pickedNumbers(await plan([listedIssue(3, { updatedAt: "2025-03-01T12:00:00Z" })]))).toEqual([3]);
  });
});
