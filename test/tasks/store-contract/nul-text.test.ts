import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

/** GitHub's JSON can carry `\u0000`; PostgreSQL's text cannot hold it. Both stores keep the text with U+FFFD there. */
describeEachStore("people's text with a NUL character", ({ open }) => {
  let store: Store;
  let taskId: number;
  beforeEach(async () => {
    store = await open();
    taskId = (await store.createTask(newTask())).task.id;
  });

  test("a redirect whose body has a NUL is kept with U+FFFD in its place", async () => {
    await store.pushInbox(taskId, "monalisa", "use\u0000 v2");
    expect((await store.takeInbox(taskId)).map((message) => message.body)).toEqual(["use\uFFFD v2"]);
  });

  test("an issue snapshot with NULs in its title and body is kept with U+FFFD", async () => {
    await store.snapshotIssue(taskId, { title: "a\u0000b", body: "c\u0000d", approvedBy: "monalisa" });
    expect(await store.issueSnapshot(taskId)).toMatchObject({ title: "a\uFFFDb", body: "c\uFFFDd" });
  });

  test("a pause whose subject has a NUL is kept with U+FFFD", async () => {
    await store.transition(taskId, "preparing");
    await store.transition(taskId, "running");
    await store.transition(taskId, "waiting");
    const pause = await store.openPause(taskId, { kind: "question", subject: "which\u0000 one?", deadline: "2030-01-01T00:00:00.000Z" });
    expect(pause.subject).toBe("which\uFFFD one?");
  });
});
