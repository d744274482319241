import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ENDING_REPORTED, unreportedEndings } from "../../../src/delivery/status/unreported-endings.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { newTask } from "../../tasks/support/new-task.ts";

let store: SqliteStore;
let now: Date;
beforeEach(async () => {
  now = new Date("2026-11-22T12:00:00.000Z");
  store = new SqliteStore({ dataDir: ":memory:", now: () => now });
});
afterEach(async () => await store.close());

/** A task of its own issue, ended in `state`. */
async function ended(issueNumber: number, state: "done" | "failed" | "cancelled" = "done"): Promise<number> {
  const { task } = await store.createTask(newTask({ issueNumber }));
  if (state !== "cancelled") {
    await store.transition(task.id, "preparing");
    await store.transition(task.id, "running");
  }
  await store.transition(task.id, state);
  return task.id;
}

const ids = async () => (await unreportedEndings(store, now)).map((task) => task.id);

test("ended tasks whose ending was not reported are listed, whatever the ending", async () => {
  const tasks = [await ended(1, "done"), await ended(2, "failed"), await ended(3, "cancelled")];
  expect(await ids()).toEqual(tasks);
});

test("a reported ending is not listed; tasks still active are not listed", async () => {
  const reported = await ended(1);
  await store.appendEvent(reported, ENDING_REPORTED);
  const { task: active } = await store.createTask(newTask({ issueNumber: 2 }));
  await store.transition(active.id, "preparing");
  expect(await ids()).toEqual([]);
});

test("a follow-up run that ended again needs its own report: the earlier one does not count", async () => {
  const id = await ended(1);
  await store.appendEvent(id, ENDING_REPORTED);
  await store.transition(id, "queued");
  await store.transition(id, "preparing");
  await store.transition(id, "running");
  await store.transition(id, "done");
  expect(await ids()).toEqual([id]);
});

test("endings older than a day are left alone", async () => {
  const old = await ended(1);
  now = new Date("2026-11-23T12:00:01.000Z");
  const recent = await ended(2);
  expect(await ids()).toEqual([recent]);
  expect((await unreportedEndings(store, now, 2 * 24 * 60 * 60 * 1000)).map((task) => task.id)).toEqual([old, recent]);
});
