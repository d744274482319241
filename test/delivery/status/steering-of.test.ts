import { afterEach, expect, test } from "@jest/globals";
import { steeringOf } from "../../../src/delivery/status/steering-of.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { newTask } from "../../tasks/support/new-task.ts";

let clock = new Date("2026-11-22T10:00:00.000Z");
const store = new SqliteStore({ dataDir: ":memory:", now: () => clock });
afterEach(() => store.close());

test("the status shows this run's redirects, received or applied, and the follow-up the run works on", () => {
  const { task } = store.createTask(newTask());
  store.pushInbox(task.id, "alice", "from an earlier run");
  store.takeInbox(task.id);
  clock = new Date("2026-11-22T11:00:00.000Z");
  store.addFollowUp(task.id, { kind: "review", author: "bob", data: {} });
  const run = store.startRun(task.id);
  store.takeFollowUp(task.id, run.id);
  store.pushInbox(task.id, "carol", "applied now");
  store.takeInbox(task.id);
  store.pushInbox(task.id, "dan", "still waiting");
  store.pushInbox(task.id, "erin", "an approval", "approval");

  expect(steeringOf(store, task.id)).toEqual({
    redirects: [
      { author: "carol", body: "applied now", applied: true },
      { author: "dan", body: "still waiting", applied: false },
    ],
    followUp: { kind: "review", author: "bob" },
  });
});
