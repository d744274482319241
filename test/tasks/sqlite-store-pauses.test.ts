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

const approval = { kind: "approval", subject: "npm install left-pad", deadline: "2025-01-01T01:00:00.000Z" } as const;

function waitingTask(): void {
  for (const state of ["preparing", "running", "waiting"] as const) store.transition(taskId, state);
}

test("a task has no pause until one is opened", () => {
  expect(store.getPause(taskId)).toBeUndefined();
});

test("an opened pause is recorded with what it waits for, since when and until when", () => {
  const opened = store.openPause(taskId, approval);
  expect(opened).toEqual({ taskId, ...approval, since: "2025-01-01T00:00:01.000Z" });
  expect(store.getPause(taskId)).toEqual(opened);
});

test("opening a pause replaces the task's earlier one", () => {
  store.openPause(taskId, approval);
  store.openPause(taskId, { kind: "question", subject: "Which API version?", deadline: "2025-01-01T02:00:00.000Z" });
  expect(store.getPause(taskId)).toMatchObject({ kind: "question", subject: "Which API version?" });
});

test("closing a pause removes it, and closing again is harmless", () => {
  store.openPause(taskId, approval);
  store.closePause(taskId);
  store.closePause(taskId);
  expect(store.getPause(taskId)).toBeUndefined();
});

test("closing one task's pause leaves another task's", () => {
  const other = store.createTask(newTask({ issueNumber: 8 })).task.id;
  store.openPause(taskId, approval);
  store.openPause(other, approval);
  store.closePause(taskId);
  expect(store.getPause(other)).toMatchObject({ taskId: other });
});

test("the pause ends when its task leaves waiting", () => {
  store.openPause(taskId, approval);
  waitingTask();
  store.transition(taskId, "running");
  expect(store.getPause(taskId)).toBeUndefined();
});

test("cancelling a waiting task ends its pause, so no reply can reach it", () => {
  store.openPause(taskId, approval);
  waitingTask();
  store.transition(taskId, "cancelled", { result: { outcome: "cancelled", reason: "/agent stop" } });
  expect(store.getPause(taskId)).toBeUndefined();
});

test("a pause opened before the move to waiting survives that move", () => {
  store.openPause(taskId, approval);
  waitingTask();
  expect(store.getPause(taskId)).toMatchObject(approval);
});
