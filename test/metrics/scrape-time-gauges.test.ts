import { expect, test } from "@jest/globals";
import { createFerryMetrics } from "../../src/metrics/ferry-metrics.ts";
import { storeSources } from "../../src/metrics/metrics-sources.ts";
import type { Task, TaskState } from "../../src/tasks/model.ts";
import { recordingLog } from "../helpers/recording-log.ts";
import { samplesOf, valueOf } from "./metric-values.ts";

test("queue depth and the oldest waiting job's age come from the queues source, per queue", async () => {
  const { registry } = createFerryMetrics({
    sources: { queues: async () => [{ queue: "tasks", waiting: 3, oldestWaitingSeconds: 42 }, { queue: "follow-ups", waiting: 0, oldestWaitingSeconds: 0 }] },
  });
  expect(await valueOf(registry, "ferry_queue_depth", { queue: "tasks" })).toBe(3);
  expect(await valueOf(registry, "ferry_queue_oldest_waiting_seconds", { queue: "tasks" })).toBe(42);
  expect(await valueOf(registry, "ferry_queue_depth", { queue: "follow-ups" })).toBe(0);
});

test("both queue gauges of one scrape share a single read of the source", async () => {
  let reads = 0;
  const { registry } = createFerryMetrics({ sources: { queues: async () => [{ queue: "tasks", waiting: ++reads, oldestWaitingSeconds: 1 }] } });
  const text = await registry.metrics();
  expect(reads).toBe(1);
  expect(text).toContain('ferry_queue_depth{queue="tasks"} 1');
});

test("tasks by state and workers alive are read at scrape time", async () => {
  let running = 1;
  const { registry } = createFerryMetrics({ sources: { tasksByState: async () => ({ queued: 2, running }), workersAlive: async () => 3 } });
  expect(await valueOf(registry, "ferry_tasks", { state: "running" })).toBe(1);
  running = 4;
  expect(await valueOf(registry, "ferry_tasks", { state: "running" })).toBe(4);
  expect(await valueOf(registry, "ferry_workers_alive")).toBe(3);
});

test("a source that throws empties its own gauge and leaves the scrape standing", async () => {
  const log = recordingLog();
  const { registry } = createFerryMetrics({
    sources: { queues: async () => Promise.reject(new Error("database gone")), workersAlive: async () => 1 },
    log,
  });
  const text = await registry.metrics();
  expect(text).toContain("ferry_workers_alive 1");
  expect(await samplesOf(registry, "ferry_queue_depth")).toEqual([]);
  expect(log.lines).toContainEqual(expect.objectContaining({ level: "warn", message: "a metrics source failed: database gone" }));
});

test("the slots of this process are the configured concurrency", async () => {
  expect(await valueOf(createFerryMetrics({ slots: 4 }).registry, "ferry_worker_slots")).toBe(4);
});

const task = (id: number, state: TaskState, updatedAt: string): Pick<Task, "id" | "state" | "updatedAt"> => ({ id, state, updatedAt });

test("the store's sources: queued tasks are the queue, waiting since their last change; unended tasks by state", async () => {
  const tasks = [task(1, "queued", "2026-12-07T10:00:00Z"), task(2, "queued", "2026-12-07T10:01:00Z"), task(3, "running", "2026-12-07T09:00:00Z")];
  const store = { listTasks: async (states: readonly TaskState[]) => tasks.filter((one) => states.includes(one.state)) };
  const sources = storeSources(store, () => Date.parse("2026-12-07T10:02:00Z"));
  expect(await sources.queues()).toEqual([{ queue: "tasks", waiting: 2, oldestWaitingSeconds: 120 }]);
  expect(await sources.tasksByState()).toMatchObject({ queued: 2, running: 1, preparing: 0 });
  expect(await sources.tasksByState()).not.toHaveProperty("done");
});

test("an empty queue has no waiting age", async () => {
  const sources = storeSources({ listTasks: async () => [] });
  expect(await sources.queues()).toEqual([{ queue: "tasks", waiting: 0, oldestWaitingSeconds: 0 }]);
});
