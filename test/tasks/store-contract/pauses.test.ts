import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { tickingClock } from "../support/ticking-clock.ts";
import { describeEachStore } from "./each-store.ts";

const approval = { kind: "approval", subject: "npm install left-pad", deadline: "2025-01-01T01:00:00.000Z" } as const;

describeEachStore("pauses in the store", ({ open }) => {
  let store: Store;
  let taskId: number;
  beforeEach(async () => {
    store = await open({ now: tickingClock() });
    taskId = (await store.createTask(newTask())).task.id;
  });

  async function waitingTask(): Promise<void> {
    for (const state of ["preparing", "running", "waiting"] as const) await store.transition(taskId, state);
  }

  test("a task has no pause until one is opened", async () => {
    expect(await store.getPause(taskId)).toBeUndefined();
  });

  test("an opened pause is recorded with what it waits for, since when and until when", async () => {
    const opened = await store.openPause(taskId, approval);
    expect(opened).toEqual({ taskId, ...approval, since: "2025-01-01T00:00:01.000Z" });
    expect(await store.getPause(taskId)).toEqual(opened);
  });

  test("opening a pause replaces the task's earlier one", async () => {
    await store.openPause(taskId, approval);
    await store.openPause(taskId, { kind: "question", subject: "Which API version?", deadline: "2025-01-01T02:00:00.000Z" });
    expect(await store.getPause(taskId)).toMatchObject({ kind: "question", subject: "Which API version?" });
  });

  test("closing a pause removes it, and closing again is harmless", async () => {
    await store.openPause(taskId, approval);
    await store.closePause(taskId);
    await store.closePause(taskId);
    expect(await store.getPause(taskId)).toBeUndefined();
  });

  test("closing one task's pause leaves another task's", async () => {
    const other = (await store.createTask(newTask({ issueNumber: 8 }))).task.id;
    await store.openPause(taskId, approval);
    await store.openPause(other, approval);
    await store.closePause(taskId);
    expect(await store.getPause(other)).toMatchObject({ taskId: other });
  });

  test("the pause ends when its task leaves waiting", async () => {
    await store.openPause(taskId, approval);
    await waitingTask();
    await store.transition(taskId, "running");
    expect(await store.getPause(taskId)).toBeUndefined();
  });

  test("cancelling a waiting task ends its pause, so no reply can reach it", async () => {
    await store.openPause(taskId, approval);
    await waitingTask();
    await store.transition(taskId, "cancelled", { result: { outcome: "cancelled", reason: "/agent stop" } });
    expect(await store.getPause(taskId)).toBeUndefined();
  });

  test("a pause opened before the move to waiting survives that move", async () => {
    await store.openPause(taskId, approval);
    await waitingTask();
    expect(await store.getPause(taskId)).toMatchObject(approval);
  });
});
