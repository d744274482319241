import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { queueFixture } from "./support/queue-fixture.ts";
import type { QueueFixture } from "./support/queue-fixture.ts";

let fixture: QueueFixture;
beforeEach(async () => {
  fixture = queueFixture({ concurrency: 1 });
});
afterEach(async () => fixture.close());

test("cancelling a queued task ends it cancelled with the reason", async () => {
  const { queue, createTask } = fixture;
  const id = await createTask();
  const cancelled = await queue.cancel(id, "closed by monalisa");
  expect(cancelled).toMatchObject({ id, state: "cancelled", result: { outcome: "cancelled", reason: "closed by monalisa" } });
});

test("a task cancelled while waiting its turn is never run", async () => {
  const { queue, control, createTask } = fixture;
  await queue.start();
  const [busy, waitingTurn] = [await createTask(1), await createTask(2)];
  await queue.enqueue(busy);
  await queue.enqueue(waitingTurn);
  await control.started(busy);
  await queue.cancel(waitingTurn, "not needed");
  control.finish(busy, { outcome: "error", message: "done with it" });
  await queue.idle();
  expect(control.calls).toEqual([busy]);
});

test("cancelling a running task aborts its runner's signal", async () => {
  const { queue, control, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await queue.enqueue(id);
  const context = await control.started(id);
  await queue.cancel(id, "/agent stop");
  expect(context.signal.aborted).toBe(true);
  expect(context.signal.reason).toMatchObject({ name: "AbortError" });
});

test("a running task that is cancelled stays cancelled once its runner settles", async () => {
  const { queue, control, store, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await queue.enqueue(id);
  const context = await control.started(id);
  await context.moveTo("preparing");
  await queue.cancel(id, "/agent stop");
  await queue.idle();
  expect(await store.getTask(id)).toMatchObject({ state: "cancelled", result: { outcome: "cancelled", reason: "/agent stop" } });
  expect(await store.listRuns(id)).toEqual([expect.objectContaining({ endedAt: expect.any(String), interrupted: false })]);
});

test("after a cancel the runner can no longer move the task", async () => {
  const { queue, control, store, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await queue.enqueue(id);
  const context = await control.started(id);
  await context.moveTo("preparing");
  await queue.cancel(id, "/agent stop");
  await expect(context.moveTo("running")).rejects.toMatchObject({ name: "AbortError" });
  expect((await store.getTask(id))?.state).toBe("cancelled");
});

test("a cancelled runner's late error does not fail the task", async () => {
  const { queue, control, store, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await queue.enqueue(id);
  await control.started(id);
  await queue.cancel(id, "/agent stop");
  await queue.idle();
  expect((await store.getTask(id))?.state).toBe("cancelled");
  expect((await store.listEvents(id)).filter((event) => event.type === "error")).toEqual([]);
});

test("cancelling a task that has already ended returns undefined and changes nothing", async () => {
  const { queue, store, createTask } = fixture;
  const id = await createTask();
  const failed = await store.transition(id, "failed", { result: { outcome: "error", message: "boom" } });
  await expect(queue.cancel(id, "too late")).resolves.toBeUndefined();
  expect(await store.getTask(id)).toEqual(failed);
});

test("cancelling an unknown task returns undefined", async () => {
  await expect(fixture.queue.cancel(404, "no such task")).resolves.toBeUndefined();
});

test("cancelling a waiting task with no runner in this process ends its open run", async () => {
  const { queue, store, createTask } = fixture;
  const id = await createTask();
  await store.startRun(id);
  for (const state of ["preparing", "running", "waiting"] as const) await store.transition(id, state);
  await queue.cancel(id, "nobody answered");
  expect((await store.getTask(id))?.state).toBe("cancelled");
  expect(await store.listRuns(id)).toEqual([expect.objectContaining({ endedAt: expect.any(String), interrupted: false })]);
});

test("a runner stopped by a cancel is not logged as a failure", async () => {
  const { queue, control, log, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await queue.enqueue(id);
  await control.started(id);
  await queue.cancel(id, "/agent stop");
  await queue.idle();
  expect(log.lines.filter((line) => line.level === "error")).toEqual([]);
});
