import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tickingClock } from "./support/ticking-clock.ts";

let store: SqliteStore;
let taskId: number;
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:", now: tickingClock() });
  taskId = store.createTask(newTask()).task.id;
});
afterEach(() => store.close());

test("runs of a task are numbered from 1", () => {
  const first = store.startRun(taskId);
  store.endRuns(taskId);
  const second = store.startRun(taskId);
  expect([first.number, second.number]).toEqual([1, 2]);
});

test("run numbers count per task", () => {
  const other = store.createTask(newTask({ issueNumber: 8 })).task.id;
  store.startRun(taskId);
  expect(store.startRun(other).number).toBe(1);
});

test("a started run is open until its task's runs are ended", () => {
  const run = store.startRun(taskId);
  expect(run).toEqual({
    id: run.id,
    taskId,
    number: 1,
    startedAt: "2025-01-01T00:00:01.000Z",
    endedAt: null,
    interrupted: false,
  });
  store.endRuns(taskId);
  expect(store.listRuns(taskId)).toEqual([{ ...run, endedAt: "2025-01-01T00:00:02.000Z" }]);
});

test("ending runs as interrupted marks only the open ones", () => {
  store.startRun(taskId);
  store.endRuns(taskId);
  store.startRun(taskId);
  store.endRuns(taskId, { interrupted: true });
  expect(store.listRuns(taskId).map((run) => run.interrupted)).toEqual([false, true]);
});

test("events come back in the order they were appended, with their data", () => {
  store.appendEvent(taskId, "model-call", { tokens: 120 });
  store.appendEvent(taskId, "tool-call", { tool: "shell", command: "npm test" });
  store.appendEvent(taskId, "note");
  expect(store.listEvents(taskId).map(({ type, data }) => ({ type, data }))).toEqual([
    { type: "model-call", data: { tokens: 120 } },
    { type: "tool-call", data: { tool: "shell", command: "npm test" } },
    { type: "note", data: null },
  ]);
});

test("an event belongs to the task's open run, or to none", () => {
  const before = store.appendEvent(taskId, "queued-note");
  const run = store.startRun(taskId);
  const during = store.appendEvent(taskId, "tool-call");
  store.endRuns(taskId);
  const after = store.appendEvent(taskId, "after-note");
  expect([before.runId, during.runId, after.runId]).toEqual([null, run.id, null]);
});

test("events of one task are not listed with another's", () => {
  const other = store.createTask(newTask({ issueNumber: 8 })).task.id;
  store.appendEvent(other, "elsewhere");
  store.appendEvent(taskId, "here");
  expect(store.listEvents(taskId).map((event) => event.type)).toEqual(["here"]);
});
