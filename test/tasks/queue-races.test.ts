import { afterEach, expect, test } from "@jest/globals";
import type { Run } from "../../src/tasks/model.ts";
import { InProcessQueue } from "../../src/tasks/queue.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { controlledRunner } from "./support/controlled-runner.ts";
import { deferred } from "./support/deferred.ts";
import { newTask } from "./support/new-task.ts";
import { queueFixture, type QueueFixture } from "./support/queue-fixture.ts";
import { recordingLog } from "../helpers/recording-log.ts";

// With an asynchronous store other callers run between the queue's reads and writes.

let fixture: QueueFixture | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  for (const close of closers.splice(0)) await close();
});

test("a task enqueued twice at once gets one run", async () => {
  fixture = queueFixture({ concurrency: 2 });
  const { queue, control, store, createTask } = fixture;
  await queue.start();
  const id = await createTask();
  await Promise.all([queue.enqueue(id), queue.enqueue(id)]);
  await control.started(id);
  control.finish(id);
  await queue.idle();
  expect(control.calls).toEqual([id]);
  expect(await store.listRuns(id)).toHaveLength(1);
});

/** A store whose startRun waits until the test lets it finish. */
class SlowStartStore extends SqliteStore {
  readonly called = deferred<void>();
  readonly release = deferred<void>();

  override async startRun(taskId: number): Promise<Run> {
    this.called.resolve();
    await this.release.promise;
    return super.startRun(taskId);
  }
}

test("a task cancelled while its run is starting never reaches the runner, and its run ends", async () => {
  const store = new SlowStartStore({ dataDir: ":memory:" });
  const control = controlledRunner();
  const queue = new InProcessQueue({ store, runner: control.runner, concurrency: 1, log: recordingLog() });
  closers.push(async () => {
    await queue.stop();
    await store.close();
  });
  const { task } = await store.createTask(newTask());
  await queue.start();
  await store.called.promise;
  expect(await queue.cancel(task.id, "/agent stop")).toMatchObject({ state: "cancelled" });
  store.release.resolve();
  await queue.idle();
  expect(control.calls).toEqual([]);
  expect(await store.listRuns(task.id)).toEqual([expect.objectContaining({ endedAt: expect.any(String) })]);
});
