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

test("a pushed message waits undelivered in the inbox", () => {
  expect(store.pushInbox(taskId, "monalisa", "use the v2 API")).toEqual({
    id: 1,
    taskId,
    author: "monalisa",
    body: "use the v2 API",
    receivedAt: "2025-01-01T00:00:01.000Z",
    deliveredAt: null,
  });
});

test("taking the inbox returns its messages in arrival order, marked delivered", () => {
  store.pushInbox(taskId, "monalisa", "first");
  store.pushInbox(taskId, "hubot", "second");
  store.pushInbox(taskId, "monalisa", "third");
  const taken = store.takeInbox(taskId);
  expect(taken.map((message) => message.body)).toEqual(["first", "second", "third"]);
  expect(taken.map((message) => message.deliveredAt)).toEqual(Array(3).fill("2025-01-01T00:00:04.000Z"));
});

test("a message is taken only once", () => {
  store.pushInbox(taskId, "monalisa", "once");
  store.takeInbox(taskId);
  expect(store.takeInbox(taskId)).toEqual([]);
});

test("messages that arrive after a take are given at the next take", () => {
  store.pushInbox(taskId, "monalisa", "early");
  store.takeInbox(taskId);
  store.pushInbox(taskId, "monalisa", "late");
  expect(store.takeInbox(taskId).map((message) => message.body)).toEqual(["late"]);
});

test("taking one task's inbox leaves other tasks' messages", () => {
  const other = store.createTask(newTask({ issueNumber: 8 })).task.id;
  store.pushInbox(other, "monalisa", "for the other task");
  store.takeInbox(taskId);
  expect(store.takeInbox(other).map((message) => message.body)).toEqual(["for the other task"]);
});
