import { beforeEach, expect, test } from "@jest/globals";
import { ForbiddenTransitionError } from "../../../src/tasks/state-machine.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { TaskNotFoundError } from "../../../src/tasks/task-not-found-error.ts";
import { newTask } from "../support/new-task.ts";
import { tickingClock } from "../support/ticking-clock.ts";
import { describeEachStore } from "./each-store.ts";

describeEachStore("tasks in the store", ({ open }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open({ now: tickingClock() });
  });

  test("a new task is created queued, with its request and timestamps", async () => {
    const { created, task } = await store.createTask(newTask());
    expect(created).toBe(true);
    expect(task).toEqual({
      id: 1,
      repo: {
        owner: "octo-org",
        name: "widgets",
        installationId: 42,
        cloneUrl: "https://github.com/octo-org/widgets.git",
        defaultBranch: "main",
      },
      issueNumber: 7,
      trigger: "label",
      requester: "monalisa",
      state: "queued",
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
      result: null,
    });
  });

  test("a created task can be read back by id", async () => {
    const { task } = await store.createTask(newTask());
    expect(await store.getTask(task.id)).toEqual(task);
  });

  test("an unknown task id reads as undefined", async () => {
    expect(await store.getTask(404)).toBeUndefined();
  });

  test("a second task for an issue with an active task returns the existing one", async () => {
    const first = await store.createTask(newTask());
    const second = await store.createTask(newTask());
    expect(second).toEqual({ created: false, task: first.task });
    expect(await store.listTasks(["queued"])).toHaveLength(1);
  });

  test("owner and repository names match the active task whatever their case", async () => {
    const first = await store.createTask(newTask({ owner: "Octo-Org", name: "Widgets" }));
    const second = await store.createTask(newTask({ owner: "octo-org", name: "WIDGETS" }));
    expect(second).toEqual({ created: false, task: first.task });
    expect(await store.findActiveTask("OCTO-ORG", "widgets", 7)).toEqual(first.task);
  });

  test("other issues and other repositories get their own tasks", async () => {
    await store.createTask(newTask());
    expect((await store.createTask(newTask({ issueNumber: 8 }))).created).toBe(true);
    expect((await store.createTask(newTask({ name: "gadgets" }))).created).toBe(true);
    expect((await store.createTask(newTask({ owner: "other-org" }))).created).toBe(true);
  });

  test("an issue gets a new task once its previous task has ended", async () => {
    const first = await store.createTask(newTask());
    await store.transition(first.task.id, "cancelled", { result: { outcome: "cancelled", reason: "stop" } });
    const second = await store.createTask(newTask());
    expect(second.created).toBe(true);
    expect(second.task.id).not.toBe(first.task.id);
    expect((await store.findActiveTask("octo-org", "widgets", 7))?.id).toBe(second.task.id);
  });

  test("an ended task cannot be queued again while its issue has another active task", async () => {
    const first = await store.createTask(newTask());
    await store.transition(first.task.id, "failed", { result: { outcome: "error", message: "boom" } });
    const second = await store.createTask(newTask());
    await expect(store.transition(first.task.id, "queued")).rejects.toThrow(
      `Task ${first.task.id} cannot run again: issue octo-org/widgets#7 already has an active task, ${second.task.id}.`,
    );
    expect((await store.getTask(first.task.id))?.state).toBe("failed");
  });

  test("an issue without an active task has none to find", async () => {
    const { task } = await store.createTask(newTask());
    await store.transition(task.id, "failed", { result: { outcome: "error", message: "boom" } });
    expect(await store.findActiveTask("octo-org", "widgets", 7)).toBeUndefined();
  });

  test("tasks are listed by state in id order", async () => {
    const a = (await store.createTask(newTask({ issueNumber: 1 }))).task;
    const b = (await store.createTask(newTask({ issueNumber: 2 }))).task;
    const c = (await store.createTask(newTask({ issueNumber: 3 }))).task;
    await store.transition(b.id, "preparing");
    await store.transition(c.id, "cancelled", { result: { outcome: "cancelled", reason: "no" } });
    expect((await store.listTasks(["queued", "preparing"])).map((task) => task.id)).toEqual([a.id, b.id]);
    expect((await store.listTasks(["cancelled"])).map((task) => task.id)).toEqual([c.id]);
    expect(await store.listTasks([])).toEqual([]);
  });

  test("a transition updates the state and the update time", async () => {
    const { task } = await store.createTask(newTask());
    const moved = await store.transition(task.id, "preparing");
    expect(moved).toMatchObject({ state: "preparing", createdAt: task.createdAt, updatedAt: "2025-01-01T00:00:01.000Z" });
    expect(await store.getTask(task.id)).toEqual(moved);
  });

  test("a transition writes a state event with from, to and reason", async () => {
    const { task } = await store.createTask(newTask());
    await store.transition(task.id, "preparing", { reason: "picked by a worker" });
    expect(await store.listEvents(task.id)).toEqual([
      {
        id: 1,
        taskId: task.id,
        runId: null,
        at: "2025-01-01T00:00:01.000Z",
        type: "state",
        data: { from: "queued", to: "preparing", reason: "picked by a worker" },
      },
    ]);
  });

  test("a forbidden transition throws and changes nothing", async () => {
    const { task } = await store.createTask(newTask());
    await expect(store.transition(task.id, "done")).rejects.toThrow(ForbiddenTransitionError);
    expect(await store.getTask(task.id)).toEqual(task);
    expect(await store.listEvents(task.id)).toEqual([]);
  });

  test("a transition of an unknown task throws TaskNotFoundError", async () => {
    await expect(store.transition(404, "preparing")).rejects.toThrow(TaskNotFoundError);
  });

  test("a result stored with a transition reads back as the same value", async () => {
    const { task } = await store.createTask(newTask());
    const result = { outcome: "error", message: "tests failed: 3 of 120" } as const;
    await store.transition(task.id, "failed", { result });
    expect((await store.getTask(task.id))?.result).toEqual(result);
  });

  test("a later transition keeps the result unless it brings a new one", async () => {
    const { task } = await store.createTask(newTask());
    await store.transition(task.id, "preparing");
    await store.transition(task.id, "running");
    await store.transition(task.id, "verifying");
    await store.transition(task.id, "delivering", { result: { outcome: "error", message: "early" } });
    const done = await store.transition(task.id, "done");
    expect(done.result).toEqual({ outcome: "error", message: "early" });
  });

  test("queuing an ended task again clears its result, since it has not ended any more", async () => {
    const { task } = await store.createTask(newTask());
    await store.transition(task.id, "failed", { result: { outcome: "error", message: "boom" } });
    expect((await store.transition(task.id, "queued", { reason: "retry" })).result).toBeNull();
  });
});
