import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ENDING_REPORTED, unreportedEndings } from "../../../src/delivery/status/unreported-endings.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { newTask } from "../../tasks/support/new-task.ts";

let store: SqliteStore;
let now: Date;
beforeEach(() => {
  now = new Date("2026-11-22T12:00:00.000Z");
  store = new SqliteStore({ dataDir: ":memory:", now: () => now });
});
afterEach(() => store.close());

/** A task of its own issue, ended in `state`. */
function ended(issueNumber: number, state: "done" | "failed" | "cancelled" = "done"): number {
  const { task } = store.createTask(newTask({ issueNumber }));
  if (state !== "cancelled") {
    store.transition(task.id, "preparing");
    store.transition(task.id, "running");
  }
  store.transition(task.id, state);
  return task.id;
}

const ids = () => unreportedEndings(store, now).map((task) => task.id);

test("ended tasks whose ending was not reported are listed, whatever the ending", () => {
  const tasks = [ended(1, "done"), ended(2, "failed"), ended(3, "cancelled")];
  expect(ids()).toEqual(tasks);
});

test("a reported ending is not listed; tasks still active are not listed", () => {
  const reported = ended(1);
  store.appendEvent(reported, ENDING_REPORTED);
  const { task: active } = store.createTask(newTask({ issueNumber: 2 }));
  store.transition(active.id, "preparing");
  expect(ids()).toEqual([]);
});

test("a follow-up run that ended again needs its own report: the earlier one does not count", () => {
  const id = ended(1);
  store.appendEvent(id, ENDING_REPORTED);
  store.transition(id, "queued");
  store.transition(id, "preparing");
  store.transition(id, "running");
  store.transition(id, "done");
  expect(ids()).toEqual([id]);
});

test("endings older than a day are left alone", () => {
  const old = ended(1);
  now = new Date("2026-11-23T12:00:01.000Z");
  const recent = ended(2);
  expect(ids()).toEqual([recent]);
  expect(unreportedEndings(store, now, 2 * 24 * 60 * 60 * 1000).map((task) => task.id)).toEqual([old, recent]);
});
