import { expect, test } from "@jest/globals";
import type { Model } from "../../src/agent/models/model.ts";
import { createFerryMetrics } from "../../src/metrics/ferry-metrics.ts";
import { measuredModel } from "../../src/metrics/measured-model.ts";
import { measuredRunner } from "../../src/metrics/measured-runner.ts";
import type { Run, Task, TaskResult, TaskState } from "../../src/tasks/model.ts";
import type { RunContext, TaskRunner } from "../../src/tasks/queue-types.ts";
import { valueOf } from "./metric-values.ts";

const task: Task = {
  id: 7,
  repo: { owner: "octo-org", name: "calc", installationId: 1, cloneUrl: "https://github.com/octo-org/calc.git", defaultBranch: "main" },
  issueNumber: 3,
  trigger: "label",
  requester: "alice",
  state: "queued",
  createdAt: "2026-12-07T10:00:00Z",
  updatedAt: "2026-12-07T10:00:00Z",
  result: null,
};
const run: Run = { id: 1, taskId: 7, number: 1, startedAt: "2026-12-07T10:00:00Z", endedAt: null, interrupted: false };
const cancelled: TaskResult = { outcome: "cancelled", reason: "test" };

function context(): RunContext {
  return { task, run, signal: new AbortController().signal, moveTo: async (state: TaskState) => ({ ...task, state }) };
}

/** A clock the test moves by hand, in milliseconds. */
function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

test("a running task holds a busy slot, given back when it ends", async () => {
  const metrics = createFerryMetrics();
  let busyDuring: number | undefined;
  const runner: TaskRunner = async () => {
    busyDuring = await valueOf(metrics.registry, "ferry_worker_busy_slots");
    return cancelled;
  };
  await measuredRunner(runner, metrics)(context());
  expect(busyDuring).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_worker_busy_slots")).toBe(0);
});

test("a run's duration is observed by how it ended; a runner that throws is an error", async () => {
  const metrics = createFerryMetrics();
  const time = clock();
  await measuredRunner(async () => (time.advance(90_000), cancelled), metrics, time.now)(context());
  await expect(measuredRunner(async () => Promise.reject(new Error("boom")), metrics, time.now)(context())).rejects.toThrow("boom");
  expect(await valueOf(metrics.registry, "ferry_task_run_duration_seconds", { outcome: "cancelled" }, "ferry_task_run_duration_seconds_sum")).toBe(90);
  expect(await valueOf(metrics.registry, "ferry_task_run_duration_seconds", { outcome: "error" }, "ferry_task_run_duration_seconds_count")).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_worker_busy_slots")).toBe(0);
});

test("the time in each working state the runner moves through is observed per phase", async () => {
  const metrics = createFerryMetrics();
  const time = clock();
  const runner: TaskRunner = async ({ moveTo }) => {
    await moveTo("preparing");
    time.advance(5_000);
    await moveTo("running");
    time.advance(60_000);
    await moveTo("verifying");
    time.advance(20_000);
    return cancelled;
  };
  await measuredRunner(runner, metrics, time.now)(context());
  const sum = (phase: string) => valueOf(metrics.registry, "ferry_task_phase_duration_seconds", { phase }, "ferry_task_phase_duration_seconds_sum");
  expect([await sum("preparing"), await sum("running"), await sum("verifying")]).toEqual([5, 60, 20]);
});

test("the model's spend during a run is counted for the task's repository", async () => {
  const metrics = createFerryMetrics();
  const model: Model = measuredModel(
    { name: "m", contextWindow: 1, complete: async () => ({ text: "", toolCalls: [], usage: { inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0 }, costUsd: 0.01 }) },
    metrics,
  );
  const runner: TaskRunner = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    await model.complete({ purpose: "step", messages: [], tools: [] });
    return cancelled;
  };
  await measuredRunner(runner, metrics)(context());
  expect(await valueOf(metrics.registry, "ferry_model_cost_usd_total", { repository: "octo-org/calc" })).toBe(0.01);
});
