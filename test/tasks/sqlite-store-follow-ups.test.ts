import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type { TaskResult } from "../../src/tasks/model.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";

let store: SqliteStore;
let clock: Date;
beforeEach(() => {
  clock = new Date("2026-11-22T10:00:00.000Z");
  store = new SqliteStore({ dataDir: ":memory:", now: () => clock });
});
afterEach(() => store.close());

const spent = (costUsd: number | null): TaskResult => ({
  outcome: "no-changes",
  summary: "",
  spend: { steps: 1, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1, reasoningTokens: 0, costUsd, minutes: 1 },
});

function ranTask(issueNumber: number, costUsd: number | null, owner = "octo-org") {
  const { task } = store.createTask(newTask({ issueNumber, owner }));
  store.transition(task.id, "preparing");
  store.transition(task.id, "running");
  return store.transition(task.id, "done", { result: spent(costUsd) });
}

describe("follow-ups in the store", () => {
  test("open follow-ups are taken oldest first, only once ready, and stay open until settled", () => {
    const { task } = store.createTask(newTask());
    store.addFollowUp(task.id, { kind: "review", author: "a", data: { n: 1 }, readyAt: "2026-11-22T10:00:30.000Z" });
    store.addFollowUp(task.id, { kind: "redirect", author: "b", data: { text: "x" } });
    const run = store.startRun(task.id);

    expect(store.takeFollowUp(task.id, run.id)).toMatchObject({ kind: "redirect", runId: run.id });
    clock = new Date("2026-11-22T10:00:31.000Z");
    expect(store.openFollowUps(task.id).map((followUp) => followUp.kind)).toEqual(["review", "redirect"]);
    store.settleFollowUps(task.id);
    expect(store.openFollowUps(task.id).map((followUp) => followUp.kind)).toEqual(["review"]);
    expect(store.tasksWithOpenFollowUps()).toEqual([task.id]);
  });

  test("a batch absorbs later feedback until a run takes it; after that a new follow-up starts", () => {
    const { task } = store.createTask(newTask());
    const merge = (existing: unknown) => [...(existing as number[]), 2];
    store.addFollowUp(task.id, { kind: "review", author: "a", data: [1], batch: "pull-4" });
    store.addFollowUp(task.id, { kind: "review", author: "a", data: [2], batch: "pull-4" }, merge);
    expect(store.openFollowUps(task.id).map((followUp) => followUp.data)).toEqual([[1, 2]]);

    store.takeFollowUp(task.id, store.startRun(task.id).id);
    store.addFollowUp(task.id, { kind: "review", author: "a", data: [3], batch: "pull-4" }, merge);
    expect(store.openFollowUps(task.id).map((followUp) => followUp.data)).toEqual([[1, 2], [3]]);
  });

  test("dropping closes every open follow-up of the task", () => {
    const { task } = store.createTask(newTask());
    store.addFollowUp(task.id, { kind: "retry", author: "a", data: {} });
    store.dropFollowUps(task.id);
    expect(store.openFollowUps(task.id)).toEqual([]);
    expect(store.tasksWithOpenFollowUps()).toEqual([]);
  });
});

describe("lookups for steering and sweeps", () => {
  test("the latest task of an issue, active or ended, and the task behind a part's pull request", () => {
    const first = ranTask(7, 0.5);
    const second = ranTask(7, 0.5);
    store.setParts(first.id, [{ index: 1, branch: "agent/issue-7/part-1", number: 40, url: "u", headSha: "a".repeat(40) }]);
    store.setParts(second.id, [{ index: 1, branch: "agent/issue-7/part-1", number: 40, url: "u", headSha: "b".repeat(40) }, { index: 2, branch: "agent/issue-7/part-2", number: 41, url: "u", headSha: "c".repeat(40) }]);

    expect(store.latestTaskFor("octo-org", "widgets", 7)?.id).toBe(second.id);
    expect(store.latestTaskFor("octo-org", "widgets", 8)).toBeUndefined();
    expect(store.findTaskByPull("octo-org", "widgets", 41)).toMatchObject({ task: { id: second.id }, part: { index: 2 } });
    expect(store.findTaskByPull("octo-org", "widgets", 40)?.task.id).toBe(second.id);
    expect(store.findTaskByPull("octo-org", "other", 41)).toBeUndefined();
  });

  test("what a repository's runs cost since a time, unknown prices counting zero, other repositories apart", () => {
    ranTask(1, 0.25);
    clock = new Date("2026-11-22T12:00:00.000Z");
    ranTask(2, 1.5);
    ranTask(3, null);
    ranTask(4, 9, "elsewhere");

    expect(store.spentUsdSince("octo-org", "widgets", "2026-11-22T00:00:00.000Z")).toBeCloseTo(1.75);
    expect(store.spentUsdSince("octo-org", "widgets", "2026-11-22T11:00:00.000Z")).toBeCloseTo(1.5);
    expect(store.spentUsdSince("nobody", "widgets", "2026-11-22T00:00:00.000Z")).toBe(0);
  });

  test("a sweep's due time is claimed once, also across two stores on one data dir", () => {
    const dir = tempDir();
    try {
      const one = new SqliteStore({ dataDir: dir.path });
      const two = new SqliteStore({ dataDir: dir.path });
      expect(one.claimSweep("octo-org", "widgets", "2026-11-22T06:00:00.000Z")).toBe(true);
      expect(two.claimSweep("Octo-Org", "widgets", "2026-11-22T06:00:00.000Z")).toBe(false);
      expect(two.claimSweep("octo-org", "widgets", "2026-11-23T06:00:00.000Z")).toBe(true);
      one.close();
      two.close();
    } finally {
      dir.remove();
    }
  });

  test("the inbox lists every message with whether it was delivered", () => {
    const { task } = store.createTask(newTask());
    store.pushInbox(task.id, "a", "first");
    store.takeInbox(task.id);
    store.pushInbox(task.id, "b", "second");
    expect(store.listInbox(task.id).map((message) => [message.body, message.deliveredAt !== null])).toEqual([
      ["first", true],
      ["second", false],
    ]);
  });
});
