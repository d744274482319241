import { afterEach, expect, test } from "@jest/globals";
import { InProcessQueue } from "../../src/tasks/queue.ts";
import { queueFixture } from "./support/queue-fixture.ts";
import type { QueueFixture } from "./support/queue-fixture.ts";

let fixture: QueueFixture;
afterEach(async () => fixture.close());

// Each test builds its own fixture: the concurrency is part of what it checks.

test("no more runners than the concurrency work at once", async () => {
  fixture = queueFixture({ concurrency: 2 });
  const { queue, control, createTask } = fixture;
  const [a, b, c] = [await createTask(1), await createTask(2), await createTask(3)];
  await queue.start();
  await Promise.all([control.started(a), control.started(b)]);
  expect(control.calls).toEqual([a, b]);

  control.crash(a, new Error("first one fails"));
  await control.started(c);
  expect(control.calls).toEqual([a, b, c]);
  control.crash(b, new Error("second one fails"));
  control.crash(c, new Error("third one fails"));
  await queue.idle();
  expect(control.maxRunning()).toBe(2);
});

test("queued tasks found at start run in id order", async () => {
  fixture = queueFixture({ concurrency: 1 });
  const { queue, control, createTask } = fixture;
  const ids = [await createTask(1), await createTask(2), await createTask(3)];
  await queue.start();
  for (const id of ids) {
    await control.started(id);
    control.crash(id, new Error("done with it"));
  }
  await queue.idle();
  expect(control.calls).toEqual(ids);
});

test("tasks enqueued while running are taken first in, first out", async () => {
  fixture = queueFixture({ concurrency: 1 });
  const { queue, control, createTask } = fixture;
  await queue.start();
  const [a, b, c] = [await createTask(1), await createTask(2), await createTask(3)];
  await queue.enqueue(c);
  await queue.enqueue(a);
  await queue.enqueue(b);
  for (const id of [c, a, b]) {
    await control.started(id);
    control.crash(id, new Error("done with it"));
  }
  await queue.idle();
  expect(control.calls).toEqual([c, a, b]);
});

test("enqueuing a task already scheduled or running does not run it twice", async () => {
  fixture = queueFixture({ concurrency: 1 });
  const { queue, control, createTask } = fixture;
  await queue.start();
  const [a, b] = [await createTask(1), await createTask(2)];
  await queue.enqueue(a);
  await queue.enqueue(b);
  await queue.enqueue(b);
  await control.started(a);
  await queue.enqueue(a);
  control.crash(a, new Error("done with it"));
  await control.started(b);
  control.crash(b, new Error("done with it"));
  await queue.idle();
  expect(control.calls).toEqual([a, b]);
});

test("enqueuing an unknown task or one that is not queued does nothing", async () => {
  fixture = queueFixture();
  const { queue, store, control, createTask } = fixture;
  await queue.start();
  const cancelled = await createTask();
  await store.transition(cancelled, "cancelled", { result: { outcome: "cancelled", reason: "by hand" } });
  await queue.enqueue(cancelled);
  await queue.enqueue(404);
  await queue.idle();
  expect(control.calls).toEqual([]);
});

test("idle resolves at once when nothing is scheduled or running", async () => {
  fixture = queueFixture();
  await fixture.queue.start();
  await expect(fixture.queue.idle()).resolves.toBeUndefined();
});

test("a task queued before start waits for start", async () => {
  fixture = queueFixture();
  const { queue, control, createTask } = fixture;
  const id = await createTask();
  await queue.enqueue(id);
  expect(control.calls).toEqual([]);
  await queue.start();
  await control.started(id);
  expect(control.calls).toEqual([id]);
});

test("a concurrency below 1 is refused", async () => {
  fixture = queueFixture();
  const { store, control } = fixture;
  expect(() => new InProcessQueue({ store, runner: control.runner, concurrency: 0 })).toThrow(
    "Queue concurrency must be a positive integer, got 0.",
  );
});
