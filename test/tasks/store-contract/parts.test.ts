import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

const part = (index: number, number: number) => ({
  index,
  branch: `agent/issue-3/part-${index}`,
  number,
  url: `https://github.com/octo/app/pull/${number}`,
  headSha: `${index}`.repeat(40),
});

describeEachStore("delivered parts in the store", ({ open }) => {
  let store: Store;
  let taskId: number;
  beforeEach(async () => {
    store = await open();
    taskId = (await store.createTask(newTask())).task.id;
  });

  test("a task has no parts before its first delivery", async () => {
    expect(await store.partsOf(taskId)).toEqual([]);
  });

  test("recorded parts come back in stack order", async () => {
    await store.setParts(taskId, [part(2, 41), part(1, 40)]);
    expect(await store.partsOf(taskId)).toEqual([part(1, 40), part(2, 41)]);
  });

  test("a later delivery replaces the earlier list, so a shorter stack leaves no stale parts", async () => {
    await store.setParts(taskId, [part(1, 40), part(2, 41), part(3, 42)]);
    await store.setParts(taskId, [part(1, 40), part(2, 43)]);
    expect(await store.partsOf(taskId)).toEqual([part(1, 40), part(2, 43)]);
  });

  test("an empty delivery leaves no parts", async () => {
    await store.setParts(taskId, [part(1, 40)]);
    await store.setParts(taskId, []);
    expect(await store.partsOf(taskId)).toEqual([]);
  });

  test("parts survive a restart", async () => {
    await store.setParts(taskId, [part(1, 40)]);
    await store.close();
    const reopened = await open();
    expect(await reopened.partsOf(taskId)).toEqual([part(1, 40)]);
  });
});
