import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";

let store: SqliteStore;
let taskId: number;
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:" });
  taskId = store.createTask(newTask()).task.id;
});
afterEach(() => store.close());

const part = (index: number, number: number) => ({
  index,
  branch: `agent/issue-3/part-${index}`,
  number,
  url: `https://github.com/octo/app/pull/${number}`,
  headSha: `${index}`.repeat(40),
});

test("a task has no parts before its first delivery", () => {
  expect(store.partsOf(taskId)).toEqual([]);
});

test("recorded parts come back in stack order", () => {
  store.setParts(taskId, [part(2, 41), part(1, 40)]);
  expect(store.partsOf(taskId)).toEqual([part(1, 40), part(2, 41)]);
});

test("a later delivery replaces the earlier list, so a shorter stack leaves no stale parts", () => {
  store.setParts(taskId, [part(1, 40), part(2, 41), part(3, 42)]);
  store.setParts(taskId, [part(1, 40), part(2, 43)]);
  expect(store.partsOf(taskId)).toEqual([part(1, 40), part(2, 43)]);
});

test("parts survive a restart", () => {
  const dir = tempDir();
  try {
    const first = new SqliteStore({ dataDir: dir.path });
    const id = first.createTask(newTask()).task.id;
    first.setParts(id, [part(1, 40)]);
    first.close();
    const second = new SqliteStore({ dataDir: dir.path });
    expect(second.partsOf(id)).toEqual([part(1, 40)]);
    second.close();
  } finally {
    dir.remove();
  }
});
