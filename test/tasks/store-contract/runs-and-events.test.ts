import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { tickingClock } from "../support/ticking-clock.ts";
import { describeEachStore } from "./each-store.ts";

describeEachStore("runs and events in the store", ({ open }) => {
  let store: Store;
  let taskId: number;
  beforeEach(async () => {
    store = await open({ now: tickingClock() });
    taskId = (await store.createTask(newTask())).task.id;
  });

  test("runs of a task are numbered from 1", async () => {
    const first = await store.startRun(taskId);
    await store.endRuns(taskId);
    const second = await store.startRun(taskId);
    expect([first.number, second.number]).toEqual([1, 2]);
  });

  test("run numbers count per task", async () => {
    const other = (await store.createTask(newTask({ issueNumber: 8 }))).task.id;
    await store.startRun(taskId);
    expect((await store.startRun(other)).number).toBe(1);
  });

  test("a started run is open until its task's runs are ended", async () => {
    const run = await store.startRun(taskId);
    expect(run).toEqual({
      id: run.id,
      taskId,
      number: 1,
      startedAt: "2025-01-01T00:00:01.000Z",
      endedAt: null,
      interrupted: false,
    });
    await store.endRuns(taskId);
    expect(await store.listRuns(taskId)).toEqual([{ ...run, endedAt: "2025-01-01T00:00:02.000Z" }]);
  });

  test("ending runs as interrupted marks only the open ones", async () => {
    await store.startRun(taskId);
    await store.endRuns(taskId);
    await store.startRun(taskId);
    await store.endRuns(taskId, { interrupted: true });
    expect((await store.listRuns(taskId)).map((run) => run.interrupted)).toEqual([false, true]);
  });

  test("events come back in the order they were appended, with their data", async () => {
    await store.appendEvent(taskId, "model-call", { tokens: 120 });
    await store.appendEvent(taskId, "tool-call", { tool: "shell", command: "npm test" });
    await store.appendEvent(taskId, "note");
    expect((await store.listEvents(taskId)).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: "model-call", data: { tokens: 120 } },
      { type: "tool-call", data: { tool: "shell", command: "npm test" } },
      { type: "note", data: null },
    ]);
  });

  test("event data comes back as written, a NUL character in tool output included", async () => {
    const data = { output: "binary\u0000tail", nested: [1, { deep: true }], big: 2 ** 40 };
    await store.appendEvent(taskId, "tool-call", data);
    expect((await store.listEvents(taskId))[0]?.data).toEqual(data);
  });

  test("an event belongs to the task's open run, or to none", async () => {
    const before = await store.appendEvent(taskId, "queued-note");
    const run = await store.startRun(taskId);
    const during = await store.appendEvent(taskId, "tool-call");
    await store.endRuns(taskId);
    const after = await store.appendEvent(taskId, "after-note");
    expect([before.runId, during.runId, after.runId]).toEqual([null, run.id, null]);
  });

  test("events of one task are not listed with another's", async () => {
    const other = (await store.createTask(newTask({ issueNumber: 8 }))).task.id;
    await store.appendEvent(other, "elsewhere");
    await store.appendEvent(taskId, "here");
    expect((await store.listEvents(taskId)).map((event) => event.type)).toEqual(["here"]);
  });
});
