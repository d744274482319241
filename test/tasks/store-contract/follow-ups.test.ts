import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

const appendTwo = (existing: unknown) => [...(Array.isArray(existing) ? existing : []), 2];

describeEachStore("follow-ups in the store", ({ open }) => {
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date("2026-11-22T10:00:00.000Z");
    store = await open({ now: () => clock });
  });

  test("open follow-ups are taken oldest first, only once ready, and stay open until settled", async () => {
    const { task } = await store.createTask(newTask());
    await store.addFollowUp(task.id, { kind: "review", author: "a", data: { n: 1 }, readyAt: "2026-11-22T10:00:30.000Z" });
    await store.addFollowUp(task.id, { kind: "redirect", author: "b", data: { text: "x" } });
    const run = await store.startRun(task.id);

    expect(await store.takeFollowUp(task.id, run.id)).toMatchObject({ kind: "redirect", runId: run.id });
    clock = new Date("2026-11-22T10:00:31.000Z");
    expect((await store.openFollowUps(task.id)).map((followUp) => followUp.kind)).toEqual(["review", "redirect"]);
    await store.settleFollowUps(task.id);
    expect((await store.openFollowUps(task.id)).map((followUp) => followUp.kind)).toEqual(["review"]);
    expect(await store.tasksWithOpenFollowUps()).toEqual([task.id]);
  });

  test("a follow-up is read back with everything it was queued with", async () => {
    const { task } = await store.createTask(newTask());
    const added = await store.addFollowUp(task.id, { kind: "review", author: "a", data: { n: 1 }, batch: "pull-4", readyAt: "2026-11-22T10:00:30.000Z" });
    expect(added).toEqual({ id: added.id, taskId: task.id, kind: "review", author: "a", data: { n: 1 }, batch: "pull-4", createdAt: "2026-11-22T10:00:00.000Z", readyAt: "2026-11-22T10:00:30.000Z", runId: null, doneAt: null });
    expect(await store.openFollowUps(task.id)).toEqual([added]);
  });

  test("a batch absorbs later feedback until a run takes it; after that a new follow-up starts", async () => {
    const { task } = await store.createTask(newTask());
    await store.addFollowUp(task.id, { kind: "review", author: "a", data: [1], batch: "pull-4" });
    await store.addFollowUp(task.id, { kind: "review", author: "a", data: [2], batch: "pull-4" }, appendTwo);
    expect((await store.openFollowUps(task.id)).map((followUp) => followUp.data)).toEqual([[1, 2]]);

    await store.takeFollowUp(task.id, (await store.startRun(task.id)).id);
    await store.addFollowUp(task.id, { kind: "review", author: "a", data: [3], batch: "pull-4" }, appendTwo);
    expect((await store.openFollowUps(task.id)).map((followUp) => followUp.data)).toEqual([[1, 2], [3]]);
  });

  test("a follow-up taken by a run that was cut off is taken again by the next run", async () => {
    const { task } = await store.createTask(newTask());
    const queued = await store.addFollowUp(task.id, { kind: "retry", author: "a", data: {} });
    await store.takeFollowUp(task.id, (await store.startRun(task.id)).id);
    await store.endRuns(task.id, { interrupted: true });
    const next = await store.startRun(task.id);
    expect(await store.takeFollowUp(task.id, next.id)).toMatchObject({ id: queued.id, runId: next.id });
  });

  test("dropping closes every open follow-up of the task", async () => {
    const { task } = await store.createTask(newTask());
    await store.addFollowUp(task.id, { kind: "retry", author: "a", data: {} });
    await store.dropFollowUps(task.id);
    expect(await store.openFollowUps(task.id)).toEqual([]);
    expect(await store.tasksWithOpenFollowUps()).toEqual([]);
  });
});
