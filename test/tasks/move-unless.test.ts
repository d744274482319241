import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { isTerminal, type Task, type TaskState } from "../../src/tasks/model.ts";
import { moveUnless } from "../../src/tasks/move-unless.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { ForbiddenTransitionError } from "../../src/tasks/state-machine.ts";
import { newTask } from "./support/new-task.ts";

// The check said "move"; the store refused because another caller moved the task first.

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:" });
});
afterEach(async () => await store.close());

/** A task that went through `path` to where it is now. */
async function taskAfter(path: readonly TaskState[]): Promise<Task> {
  let task = (await store.createTask(newTask())).task;
  for (const state of path) task = await store.transition(task.id, state);
  return task;
}

test("a move refused because the task now is where the check would have stopped answers undefined", async () => {
  const task = await taskAfter(["preparing", "running", "done"]);
  expect(await moveUnless(store, task.id, isTerminal, () => store.transition(task.id, "cancelled"))).toBeUndefined();
});

test("a move refused while the task is not where the check would have stopped is still an error", async () => {
  const task = await taskAfter(["preparing", "running"]);
  await expect(moveUnless(store, task.id, isTerminal, () => store.transition(task.id, "preparing"))).rejects.toThrow(ForbiddenTransitionError);
});

test("a failure other than a refused move is thrown as it is", async () => {
  const task = await taskAfter(["preparing", "running", "done"]);
  const broken = async (): Promise<Task> => {
    throw new Error("database is locked");
  };
  await expect(moveUnless(store, task.id, isTerminal, broken)).rejects.toThrow("database is locked");
});

test("a move that succeeds answers the moved task", async () => {
  const task = await taskAfter(["preparing", "running"]);
  expect(await moveUnless(store, task.id, isTerminal, () => store.transition(task.id, "cancelled"))).toMatchObject({ id: task.id, state: "cancelled" });
});
