import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { placeholderRunner } from "../../src/tasks/placeholder-runner.ts";
import { InProcessQueue } from "../../src/tasks/queue.ts";
import type { TaskListener, TaskRunner } from "../../src/tasks/queue-types.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { controlledRunner } from "./support/controlled-runner.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";
import { recordingLog } from "../helpers/recording-log.ts";

let dir: ReturnType<typeof tempDir>;
let runningId: number;
let queuedId: number;

// A first process: task 1 gets to `running`, task 2 waits its turn, then the process dies
// (the store is closed without stopping the queue, so nothing is tidied up).
beforeEach(async () => {
  dir = tempDir();
  const store = new SqliteStore({ dataDir: dir.path });
  const control = controlledRunner();
  const queue = new InProcessQueue({ store, runner: control.runner, concurrency: 1 });
  runningId = (await store.createTask(newTask({ issueNumber: 1 }))).task.id;
  queuedId = (await store.createTask(newTask({ issueNumber: 2 }))).task.id;
  await queue.start();
  const context = await control.started(runningId);
  await context.moveTo("preparing");
  await context.moveTo("running");
  await store.appendEvent(runningId, "tool-call", { tool: "shell", command: "npm test" });
  await store.close();
});
afterEach(async () => dir.remove());

async function restart(listener?: TaskListener): Promise<{ store: SqliteStore; calls: number[] }> {
  const store = new SqliteStore({ dataDir: dir.path });
  const calls: number[] = [];
  const runner: TaskRunner = (context) => {
    calls.push(context.task.id);
    return placeholderRunner(context);
  };
  const queue = new InProcessQueue({ store, runner, concurrency: 2, listener });
  await queue.start();
  await queue.idle();
  await queue.stop();
  return { store, calls };
}

test("after a crash, the running and the queued task each run to completion exactly once", async () => {
  const { store, calls } = await restart();
  expect([...calls].sort()).toEqual([runningId, queuedId].sort());
  expect((await store.getTask(runningId))?.state).toBe("done");
  expect((await store.getTask(queuedId))?.state).toBe("done");
  await store.close();
});

test("after a crash, no task is duplicated", async () => {
  const { store } = await restart();
  expect((await store.listTasks(TASK_STATES)).map((task) => task.id)).toEqual([runningId, queuedId]);
  await store.close();
});

test("after a crash, the interrupted task has a second run and the first is marked interrupted", async () => {
  const { store } = await restart();
  expect((await store.listRuns(runningId)).map((run) => ({ number: run.number, interrupted: run.interrupted }))).toEqual([
    { number: 1, interrupted: true },
    { number: 2, interrupted: false },
  ]);
  expect((await store.listRuns(runningId)).every((run) => run.endedAt !== null)).toBe(true);
  expect((await store.listRuns(queuedId)).map((run) => run.interrupted)).toEqual([false]);
  await store.close();
});

test("after a crash, the interrupted task's trajectory keeps every event, in order", async () => {
  const { store } = await restart();
  const [first, second] = (await store.listRuns(runningId)).map((run) => run.id);
  const summary = (await store.listEvents(runningId)).map((event) => [event.type, event.data, event.runId]);
  expect(summary).toEqual([
    ["state", { from: "queued", to: "preparing" }, first],
    ["state", { from: "preparing", to: "running" }, first],
    ["tool-call", { tool: "shell", command: "npm test" }, first],
    ["interrupted", { state: "running" }, first],
    ["state", { from: "running", to: "queued", reason: "interrupted by a restart" }, null],
    ["state", { from: "queued", to: "preparing" }, second],
    ["state", { from: "preparing", to: "running" }, second],
    ["state", { from: "running", to: "verifying" }, second],
    ["state", { from: "verifying", to: "delivering" }, second],
    ["state", { from: "delivering", to: "done", result: expect.objectContaining({ outcome: "no-changes" }) }, second],
  ]);
  await store.close();
});

describe("a task left waiting by a dead process", () => {
  let waitingId: number;
  beforeEach(async () => {
    const store = new SqliteStore({ dataDir: dir.path });
    waitingId = (await store.createTask(newTask({ issueNumber: 3 }))).task.id;
    await store.startRun(waitingId);
    await store.openPause(waitingId, { kind: "question", subject: "Which API version?", deadline: "2099-01-01T00:00:00.000Z" });
    for (const state of ["preparing", "running", "waiting"] as const) await store.transition(waitingId, state);
    await store.close();
  });

  test("runs again: its container died with the process, so it cannot resume", async () => {
    const { store, calls } = await restart();
    expect(calls).toContain(waitingId);
    expect((await store.getTask(waitingId))?.state).toBe("done");
    await store.close();
  });

  test("has its first run ended as interrupted", async () => {
    const { store } = await restart();
    expect((await store.listRuns(waitingId)).map((run) => run.interrupted)).toEqual([true, false]);
    await store.close();
  });

  test("no longer has a pause a reply could answer", async () => {
    const { store } = await restart();
    expect(await store.getPause(waitingId)).toBeUndefined();
    await store.close();
  });
});

test("the listener hears the interrupted task go back to the queue", async () => {
  const heard: string[] = [];
  const { store } = await restart(async (task) => void heard.push(`${task.id}:${task.state}`));
  expect(heard[0]).toBe(`${runningId}:queued`);
  await store.close();
});

test("a task that cannot be re-queued is logged and left as it was; the other tasks still run and start-up goes on", async () => {
  const store = new SqliteStore({ dataDir: dir.path });
  const append = store.appendEvent.bind(store);
  store.appendEvent = (taskId, type, data) => {
    if (taskId === runningId && type === "interrupted") throw new Error("database is locked");
    return append(taskId, type, data);
  };
  const log = recordingLog();
  const queue = new InProcessQueue({ store, runner: placeholderRunner, concurrency: 2, log });

  await queue.start();
  await queue.idle();
  await queue.stop();

  expect(log.lines).toEqual([expect.objectContaining({ level: "error", fields: expect.objectContaining({ task: runningId }), message: "Could not re-queue a task interrupted by a restart" })]);
  expect((await store.getTask(runningId))?.state).toBe("running");
  expect((await store.getTask(queuedId))?.state).toBe("done");
  await store.close();
});
