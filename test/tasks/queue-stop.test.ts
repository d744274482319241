import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { moveToDelivering, NO_CHANGES_RESULT } from "./support/controlled-runner.ts";
import { queueFixture } from "./support/queue-fixture.ts";
import type { QueueFixture } from "./support/queue-fixture.ts";

let fixture: QueueFixture;
beforeEach(async () => {
  fixture = queueFixture({ concurrency: 1 });
  await fixture.queue.start();
});
afterEach(async () => fixture.close());

test("stopping aborts running runners but leaves their tasks where they were", async () => {
  const { queue, control, store, createTask } = fixture;
  const id = await createTask();
  await queue.enqueue(id);
  const context = await control.started(id);
  await context.moveTo("preparing");
  await context.moveTo("running");
  await queue.stop();
  expect(context.signal.aborted).toBe(true);
  expect((await store.getTask(id))?.state).toBe("running");
  expect(control.running()).toBe(0);
});

test("a run cut off by a stop ends as interrupted", async () => {
  const { queue, control, store, createTask } = fixture;
  const id = await createTask();
  await queue.enqueue(id);
  await (await control.started(id)).moveTo("preparing");
  await queue.stop();
  expect(await store.listRuns(id)).toEqual([expect.objectContaining({ endedAt: expect.any(String), interrupted: true })]);
});

test("after a stop no further task is started", async () => {
  const { queue, control, createTask } = fixture;
  const [first, second] = [await createTask(1), await createTask(2)];
  await queue.enqueue(first);
  await queue.enqueue(second);
  await control.started(first);
  await queue.stop();
  await queue.enqueue(second);
  await queue.idle();
  expect(control.calls).toEqual([first]);
});

test("a task stopped mid-run runs again at the next start", async () => {
  const { queue, control, store, createTask } = fixture;
  const id = await createTask();
  await queue.enqueue(id);
  await (await control.started(id)).moveTo("preparing");
  await queue.stop();
  await queue.start();
  await moveToDelivering(await control.started(id, 2));
  control.finish(id, NO_CHANGES_RESULT, 2);
  await queue.idle();
  expect(control.calls).toEqual([id, id]);
  expect((await store.getTask(id))?.state).toBe("done");
  expect((await store.listRuns(id)).map((run) => [run.number, run.interrupted])).toEqual([
    [1, true],
    [2, false],
  ]);
});
