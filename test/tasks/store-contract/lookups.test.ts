import { beforeEach, expect, test } from "@jest/globals";
import type { TaskResult } from "../../../src/tasks/model.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

const spent = (costUsd: number | null): TaskResult => ({
  outcome: "no-changes",
  summary: "",
  spend: { steps: 1, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1, reasoningTokens: 0, costUsd, minutes: 1 },
});

describeEachStore("lookups for steering and sweeps", ({ open }) => {
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date("2026-11-22T10:00:00.000Z");
    store = await open({ now: () => clock });
  });

  async function ranTask(issueNumber: number, costUsd: number | null, owner = "octo-org") {
    const { task } = await store.createTask(newTask({ issueNumber, owner }));
    await store.transition(task.id, "preparing");
    await store.transition(task.id, "running");
    return store.transition(task.id, "done", { result: spent(costUsd) });
  }

  test("the latest task of an issue, active or ended, and the task behind a part's pull request", async () => {
    const first = await ranTask(7, 0.5);
    const second = await ranTask(7, 0.5);
    await store.setParts(first.id, [{ index: 1, branch: "agent/issue-7/part-1", number: 40, url: "u", headSha: "a".repeat(40) }]);
    await store.setParts(second.id, [{ index: 1, branch: "agent/issue-7/part-1", number: 40, url: "u", headSha: "b".repeat(40) }, { index: 2, branch: "agent/issue-7/part-2", number: 41, url: "u", headSha: "c".repeat(40) }]);

    expect((await store.latestTaskFor("octo-org", "widgets", 7))?.id).toBe(second.id);
    expect(await store.latestTaskFor("octo-org", "widgets", 8)).toBeUndefined();
    expect(await store.findTaskByPull("octo-org", "widgets", 41)).toMatchObject({ task: { id: second.id }, part: { index: 2 } });
    expect((await store.findTaskByPull("octo-org", "widgets", 40))?.task.id).toBe(second.id);
    expect(await store.findTaskByPull("octo-org", "other", 41)).toBeUndefined();
  });

  test("lookups by issue and by pull request ignore the case of names", async () => {
    const task = await ranTask(7, 0.5);
    await store.setParts(task.id, [{ index: 1, branch: "agent/issue-7/part-1", number: 40, url: "u", headSha: "a".repeat(40) }]);
    expect((await store.latestTaskFor("Octo-Org", "WIDGETS", 7))?.id).toBe(task.id);
    expect((await store.findTaskByPull("OCTO-ORG", "Widgets", 40))?.task.id).toBe(task.id);
  });

  test("what a repository's runs cost since a time, unknown prices counting zero, other repositories apart", async () => {
    await ranTask(1, 0.25);
    clock = new Date("2026-11-22T12:00:00.000Z");
    await ranTask(2, 1.5);
    await ranTask(3, null);
    await ranTask(4, 9, "elsewhere");

    expect(await store.spentUsdSince("octo-org", "widgets", "2026-11-22T00:00:00.000Z")).toBeCloseTo(1.75);
    expect(await store.spentUsdSince("octo-org", "widgets", "2026-11-22T11:00:00.000Z")).toBeCloseTo(1.5);
    expect(await store.spentUsdSince("nobody", "widgets", "2026-11-22T00:00:00.000Z")).toBe(0);
  });

  test("a sweep's due time is claimed once, whatever the case of the names; the next due time is free", async () => {
    expect(await store.claimSweep("octo-org", "widgets", "2026-11-22T06:00:00.000Z")).toBe(true);
    expect(await store.claimSweep("Octo-Org", "widgets", "2026-11-22T06:00:00.000Z")).toBe(false);
    expect(await store.claimSweep("octo-org", "widgets", "2026-11-23T06:00:00.000Z")).toBe(true);
  });
});
