import { afterEach, expect, test } from "@jest/globals";
import type { Task } from "../../src/tasks/model.ts";
import { placeholderRunner } from "../../src/tasks/placeholder-runner.ts";
import { queueFixture } from "./support/queue-fixture.ts";
import type { QueueFixture } from "./support/queue-fixture.ts";

let fixture: QueueFixture;
afterEach(async () => fixture.close());

test("the listener hears every state change of a run, in order", async () => {
  const heard: string[] = [];
  fixture = queueFixture({ runner: placeholderRunner, listener: async (task) => void heard.push(task.state) });
  const id = await fixture.createTask();
  await fixture.queue.start();
  await fixture.queue.idle();
  expect(heard).toEqual(["preparing", "running", "verifying", "delivering", "done"]);
  const stateEvents = (await fixture.store.listEvents(id)).filter((event) => event.type === "state");
  expect(stateEvents).toHaveLength(heard.length);
});

test("the listener hears a cancel", async () => {
  const heard: Task[] = [];
  fixture = queueFixture({ listener: async (task) => void heard.push(task) });
  const id = await fixture.createTask();
  await fixture.queue.cancel(id, "closed");
  expect(heard).toEqual([expect.objectContaining({ id, state: "cancelled" })]);
});

test("a listener that throws does not stop the run", async () => {
  fixture = queueFixture({
    runner: placeholderRunner,
    listener: async () => {
      throw new Error("GitHub is down");
    },
  });
  const id = await fixture.createTask();
  await fixture.queue.start();
  await fixture.queue.idle();
  expect((await fixture.store.getTask(id))?.state).toBe("done");
});

test("a listener that throws is logged with the task and state", async () => {
  fixture = queueFixture({
    runner: placeholderRunner,
    listener: async () => {
      throw new Error("GitHub is down");
    },
  });
  const id = await fixture.createTask();
  await fixture.queue.start();
  await fixture.queue.idle();
  const failures = fixture.log.lines.filter((line) => line.message === "Task listener failed");
  expect(failures).toHaveLength(5);
  expect(failures[0]).toMatchObject({ level: "error", fields: { task: id, state: "preparing" } });
});
