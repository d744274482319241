import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { answerWaitingQuestion, approveWaitingTask, findWaitingTask } from "../../src/steering/reply-to-pause.ts";
import type { PauseKind } from "../../src/tasks/pause.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "../tasks/support/new-task.ts";

const issue = { owner: "octo-org", repo: "widgets", issueNumber: 7 };
let store: SqliteStore;
let taskId: number;
beforeEach(async () => {
  store = new SqliteStore({ dataDir: ":memory:" });
  taskId = (await store.createTask(newTask())).task.id;
});
afterEach(async () => await store.close());

async function pauseFor(kind: PauseKind, subject: string): Promise<void> {
  await store.openPause(taskId, { kind, subject, deadline: "2099-01-01T00:00:00.000Z" });
  for (const state of ["preparing", "running", "waiting"] as const) await store.transition(taskId, state);
}

describe("findWaitingTask", () => {
  test("finds the issue's waiting task and its pause", async () => {
    await pauseFor("approval", "npm install left-pad");
    expect(await findWaitingTask(store, issue)).toMatchObject({ task: { id: taskId }, pause: { kind: "approval" } });
  });

  test("finds nothing on an issue without an active task", async () => {
    expect(await findWaitingTask(store, { ...issue, issueNumber: 8 })).toBeUndefined();
  });

  test("finds nothing while the task is not waiting, even with a pause recorded", async () => {
    await store.openPause(taskId, { kind: "approval", subject: "npm install left-pad", deadline: "2099-01-01T00:00:00.000Z" });
    expect(await findWaitingTask(store, issue)).toBeUndefined();
  });
});

describe("approveWaitingTask", () => {
  test("puts an approval naming the command in the waiting task's inbox", async () => {
    await pauseFor("approval", "npm install left-pad");
    expect(await approveWaitingTask(store, issue, "maintainer")).toMatchObject({ kind: "approved", command: "npm install left-pad" });
    expect(await store.takeInbox(taskId, ["approval"])).toMatchObject([{ author: "maintainer", body: "npm install left-pad" }]);
  });

  test("with nothing waiting, stores nothing", async () => {
    expect(await approveWaitingTask(store, issue, "maintainer")).toEqual({ kind: "nothing-waiting" });
    expect(await store.takeInbox(taskId, ["approval"])).toEqual([]);
  });

  test("while a question waits, stores nothing", async () => {
    await pauseFor("question", "Which API version?");
    expect(await approveWaitingTask(store, issue, "maintainer")).toMatchObject({ kind: "question-waiting" });
    expect(await store.takeInbox(taskId, ["approval", "answer"])).toEqual([]);
  });
});

describe("answerWaitingQuestion", () => {
  test("puts the answer in the waiting task's inbox", async () => {
    await pauseFor("question", "Which API version?");
    expect(await answerWaitingQuestion(store, issue, "maintainer", "Use v2.")).toBe(true);
    expect(await store.takeInbox(taskId, ["answer"])).toMatchObject([{ author: "maintainer", body: "Use v2." }]);
  });

  test("while an approval waits, a comment is not an answer", async () => {
    await pauseFor("approval", "npm install left-pad");
    expect(await answerWaitingQuestion(store, issue, "maintainer", "sure")).toBe(false);
    expect(await store.takeInbox(taskId, ["approval", "answer"])).toEqual([]);
  });
});
