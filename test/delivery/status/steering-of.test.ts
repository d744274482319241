import { afterEach, expect, test } from "@jest/globals";
import { steeringOf } from "../../../src/delivery/status/steering-of.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { newTask } from "../../tasks/support/new-task.ts";

let clock = new Date("2026-11-22T10:00:00.000Z");
const store = new SqliteStore({ dataDir: ":memory:", now: () => clock });
afterEach(async () => await store.close());

test("the status shows this run's redirects, received or applied, and the follow-up the run works on", async () => {
  const { task } = await store.createTask(newTask());
  await store.pushInbox(task.id, "alice", "from an earlier run");
  await store.takeInbox(task.id);
  clock = new Date("2026-11-22T11:00:00.000Z");
  await store.addFollowUp(task.id, { kind: "review", author: "bob", data: {} });
  const run = await store.startRun(task.id);
  await store.takeFollowUp(task.id, run.id);
  await store.pushInbox(task.id, "carol", "applied now");
  await store.takeInbox(task.id);
  await store.pushInbox(task.id, "dan", "still waiting");
  await store.pushInbox(task.id, "erin", "an approval", "approval");

  expect(await steeringOf(store, task.id)).toEqual({
    redirects: [
      { author: "carol", body: "applied now", applied: true },
      { author: "dan", body: "still waiting", applied: false },
    ],
    followUp: { kind: "review", author: "bob" },
  });
});
