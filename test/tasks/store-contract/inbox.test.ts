import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { tickingClock } from "../support/ticking-clock.ts";
import { describeEachStore } from "./each-store.ts";

describeEachStore("the steering inbox in the store", ({ open }) => {
  let store: Store;
  let taskId: number;
  beforeEach(async () => {
    store = await open({ now: tickingClock() });
    taskId = (await store.createTask(newTask())).task.id;
  });

  test("a message pushed without a kind waits undelivered in the inbox as a redirect", async () => {
    expect(await store.pushInbox(taskId, "monalisa", "use the v2 API")).toEqual({
      id: 1,
      taskId,
      kind: "redirect",
      author: "monalisa",
      body: "use the v2 API",
      receivedAt: "2025-01-01T00:00:01.000Z",
      deliveredAt: null,
    });
  });

  test("taking the inbox returns its messages in arrival order, marked delivered", async () => {
    await store.pushInbox(taskId, "monalisa", "first");
    await store.pushInbox(taskId, "hubot", "second");
    await store.pushInbox(taskId, "monalisa", "third");
    const taken = await store.takeInbox(taskId);
    expect(taken.map((message) => message.body)).toEqual(["first", "second", "third"]);
    expect(taken.map((message) => message.deliveredAt)).toEqual(Array(3).fill("2025-01-01T00:00:04.000Z"));
  });

  test("a message is taken only once", async () => {
    await store.pushInbox(taskId, "monalisa", "once");
    await store.takeInbox(taskId);
    expect(await store.takeInbox(taskId)).toEqual([]);
  });

  test("messages that arrive after a take are given at the next take", async () => {
    await store.pushInbox(taskId, "monalisa", "early");
    await store.takeInbox(taskId);
    await store.pushInbox(taskId, "monalisa", "late");
    expect((await store.takeInbox(taskId)).map((message) => message.body)).toEqual(["late"]);
  });

  test("taking one task's inbox leaves other tasks' messages", async () => {
    const other = (await store.createTask(newTask({ issueNumber: 8 }))).task.id;
    await store.pushInbox(other, "monalisa", "for the other task");
    await store.takeInbox(taskId);
    expect((await store.takeInbox(other)).map((message) => message.body)).toEqual(["for the other task"]);
  });

  test("a message pushed with a kind keeps it", async () => {
    expect((await store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval")).kind).toBe("approval");
  });

  test("taking without kinds takes only redirects: approvals and answers wait for their pause", async () => {
    await store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval");
    await store.pushInbox(taskId, "monalisa", "go left");
    await store.pushInbox(taskId, "monalisa", "use v2", "answer");
    expect((await store.takeInbox(taskId)).map((message) => message.body)).toEqual(["go left"]);
    expect((await store.takeInbox(taskId, ["approval", "answer"])).map((message) => message.body)).toEqual(["npm install left-pad", "use v2"]);
  });

  test("taking approvals leaves redirects for the agent's next step", async () => {
    await store.pushInbox(taskId, "monalisa", "go left");
    await store.pushInbox(taskId, "monalisa", "npm install left-pad", "approval");
    expect((await store.takeInbox(taskId, ["approval"])).map((message) => message.kind)).toEqual(["approval"]);
    expect((await store.takeInbox(taskId)).map((message) => message.body)).toEqual(["go left"]);
  });

  test("the inbox lists every message with whether it was delivered", async () => {
    await store.pushInbox(taskId, "a", "first");
    await store.takeInbox(taskId);
    await store.pushInbox(taskId, "b", "second");
    expect((await store.listInbox(taskId)).map((message) => [message.body, message.deliveredAt !== null])).toEqual([
      ["first", true],
      ["second", false],
    ]);
  });
});
