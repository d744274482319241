import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { RunContext } from "../../src/tasks/queue-types.ts";
import { moveToDelivering, NO_CHANGES_RESULT } from "./support/controlled-runner.ts";
import { queueFixture } from "./support/queue-fixture.ts";
import type { QueueFixture } from "./support/queue-fixture.ts";

let fixture: QueueFixture;
beforeEach(async () => {
  fixture = queueFixture();
  await fixture.queue.start();
});
afterEach(async () => fixture.close());

async function runUntilStarted(): Promise<{ id: number; context: RunContext }> {
  const id = await fixture.createTask();
  await fixture.queue.enqueue(id);
  return { id, context: await fixture.control.started(id) };
}

test("a no-changes result from delivering ends the task done, with that result", async () => {
  const { id, context } = await runUntilStarted();
  await moveToDelivering(context);
  fixture.control.finish(id, NO_CHANGES_RESULT);
  await fixture.queue.idle();
  expect(await fixture.store.getTask(id)).toMatchObject({ state: "done", result: NO_CHANGES_RESULT });
});

test("an error result ends the task failed, with that result", async () => {
  const { id, context } = await runUntilStarted();
  await context.moveTo("preparing");
  fixture.control.finish(id, { outcome: "error", message: "setup failed: npm ci exited 1" });
  await fixture.queue.idle();
  expect(await fixture.store.getTask(id)).toMatchObject({
    state: "failed",
    result: { outcome: "error", message: "setup failed: npm ci exited 1" },
  });
});

test("a cancelled result ends the task cancelled", async () => {
  const { id, context } = await runUntilStarted();
  await context.moveTo("preparing");
  fixture.control.finish(id, { outcome: "cancelled", reason: "budget withdrawn" });
  await fixture.queue.idle();
  expect(await fixture.store.getTask(id)).toMatchObject({
    state: "cancelled",
    result: { outcome: "cancelled", reason: "budget withdrawn" },
  });
});

test("a runner that throws fails the task with its message", async () => {
  const { id } = await runUntilStarted();
  fixture.control.crash(id, new Error("container exited with code 137"));
  await fixture.queue.idle();
  expect(await fixture.store.getTask(id)).toMatchObject({
    state: "failed",
    result: { outcome: "error", message: "container exited with code 137" },
  });
});

test("a runner that throws leaves an error event in the trajectory", async () => {
  const { id } = await runUntilStarted();
  fixture.control.crash(id, new Error("container exited with code 137"));
  await fixture.queue.idle();
  const errors = (await fixture.store.listEvents(id)).filter((event) => event.type === "error");
  expect(errors.map((event) => event.data)).toEqual([{ message: "container exited with code 137" }]);
});

test("a no-changes result before delivering fails the task, saying why", async () => {
  const { id, context } = await runUntilStarted();
  await context.moveTo("preparing");
  fixture.control.finish(id, NO_CHANGES_RESULT);
  await fixture.queue.idle();
  expect(await fixture.store.getTask(id)).toMatchObject({
    state: "failed",
    result: {
      outcome: "error",
      message: 'The task runner returned "no-changes" while the task was preparing, which cannot end as done.',
    },
  });
});

test("a runner cannot end the task itself", async () => {
  const { id, context } = await runUntilStarted();
  await context.moveTo("preparing");
  await expect(context.moveTo("done")).rejects.toThrow("A task runner cannot move a task to done");
  expect((await fixture.store.getTask(id))?.state).toBe("preparing");
});

test("the run ends when the runner finishes", async () => {
  const { id, context } = await runUntilStarted();
  await moveToDelivering(context);
  fixture.control.finish(id);
  await fixture.queue.idle();
  expect(await fixture.store.listRuns(id)).toEqual([
    expect.objectContaining({ number: 1, endedAt: expect.any(String), interrupted: false }),
  ]);
});

test("the runner is given the task and its run", async () => {
  const { id, context } = await runUntilStarted();
  expect(context.task).toMatchObject({ id, state: "queued" });
  expect(context.run).toMatchObject({ taskId: id, number: 1, endedAt: null });
  expect(context.signal.aborted).toBe(false);
});

test("a runner that throws is logged as an error with its task", async () => {
  const { id } = await runUntilStarted();
  const error = new Error("container exited with code 137");
  fixture.control.crash(id, error);
  await fixture.queue.idle();
  expect(fixture.log.lines).toContainEqual({ level: "error", fields: { task: id, err: error }, message: "Task runner failed" });
});
