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

test("a message pushed without a kind waits undelivered in the inbox as a redirect", () => {
  expect(store.pushInbox(taskId, "monalisa", "use the v2 API")).toEqual({
    id: 1,
    taskId,
    kind: "redirect",
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

test("a message pushed with a kind keeps it", () => {
  expect(store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval").kind).toBe("approval");
});

test("taking without kinds takes only redirects: approvals and answers wait for their pause", () => {
  store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval");
  store.pushInbox(taskId, "monalisa", "go left");
  store.pushInbox(taskId, "monalisa", "use v2", "answer");
  expect(store.takeInbox(taskId).map((message) => message.body)).toEqual(["go left"]);
  expect(store.takeInbox(taskId, ["approval", "answer"]).map((message) => message.body)).toEqual(["npm install left-pad", "use v2"]);
});

test("taking approvals leaves redirects for the agent's next step", () => {
  store.pushInbox(taskId, "monalisa", "go left");
  store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval");
  expect(store.takeInbox(taskId, ["approval"]).map((message) => message.kind)).toEqual(["approval"]);
  expect(store.takeInbox(taskId).map((message) => message.body)).toEqual(["go left"]);
});
