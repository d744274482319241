import { expect, test } from "@jest/globals";
import { ModelError } from "../../src/agent/models/model-error.ts";
import type { Model, ModelResponse } from "../../src/agent/models/model.ts";
import { createFerryMetrics } from "../../src/metrics/ferry-metrics.ts";
import { measuredModel } from "../../src/metrics/measured-model.ts";
import { inTaskScope } from "../../src/metrics/task-scope.ts";
import { valueOf } from "./metric-values.ts";

const usage = { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 200, reasoningTokens: 50 };
const answer = (costUsd: number | null): ModelResponse => ({ text: "ok", toolCalls: [], usage, costUsd });

function modelThat(complete: Model["complete"]): Model {
  return { name: "test-model", contextWindow: 1000, complete };
}

const request = { purpose: "step" as const, messages: [], tools: [] };

test("tokens and dollars are counted for the repository of the task that asked", async () => {
  const metrics = createFerryMetrics();
  const model = measuredModel(modelThat(async () => answer(0.25)), metrics);
  await inTaskScope("octo-org/calc", () => model.complete(request));
  await inTaskScope("octo-org/calc", () => model.complete(request));
  await inTaskScope("octo-org/web", () => model.complete(request));
  expect(await valueOf(metrics.registry, "ferry_model_tokens_total", { repository: "octo-org/calc", kind: "input" })).toBe(2000);
  expect(await valueOf(metrics.registry, "ferry_model_tokens_total", { repository: "octo-org/calc", kind: "output" })).toBe(400);
  expect(await valueOf(metrics.registry, "ferry_model_tokens_total", { repository: "octo-org/web", kind: "cached_input" })).toBe(400);
  expect(await valueOf(metrics.registry, "ferry_model_cost_usd_total", { repository: "octo-org/calc" })).toBe(0.5);
});

test("a response of unknown price adds tokens but no dollars", async () => {
  const metrics = createFerryMetrics();
  await inTaskScope("o/r", () => measuredModel(modelThat(async () => answer(null)), metrics).complete(request));
  expect(await valueOf(metrics.registry, "ferry_model_tokens_total", { repository: "o/r", kind: "input" })).toBe(1000);
  expect(await valueOf(metrics.registry, "ferry_model_cost_usd_total", { repository: "o/r" })).toBeUndefined();
});

test("each request's latency is observed by purpose and result", async () => {
  const metrics = createFerryMetrics();
  const model = measuredModel(modelThat(async () => answer(0)), metrics);
  await model.complete(request);
  await model.complete({ ...request, purpose: "compaction" });
  expect(await valueOf(metrics.registry, "ferry_model_request_duration_seconds", { purpose: "step", result: "ok" }, "ferry_model_request_duration_seconds_count")).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_model_request_duration_seconds", { purpose: "compaction", result: "ok" }, "ferry_model_request_duration_seconds_count")).toBe(1);
});

test("a failed request counts as an error of its kind and still has its latency", async () => {
  const metrics = createFerryMetrics();
  const model = measuredModel(modelThat(async () => Promise.reject(new ModelError("unavailable", "503 after 4 retries"))), metrics);
  await expect(model.complete(request)).rejects.toThrow("503 after 4 retries");
  expect(await valueOf(metrics.registry, "ferry_model_request_errors_total", { kind: "unavailable" })).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_model_request_duration_seconds", { purpose: "step", result: "error" }, "ferry_model_request_duration_seconds_count")).toBe(1);
});

test("a request cut off by a stop or cancel is not a model error", async () => {
  const metrics = createFerryMetrics();
  const controller = new AbortController();
  const model = measuredModel(modelThat(async () => {
    controller.abort(new Error("cancelled"));
    throw new Error("cancelled");
  }), metrics);
  await expect(model.complete(request, { signal: controller.signal })).rejects.toThrow("cancelled");
  expect(await valueOf(metrics.registry, "ferry_model_request_errors_total", { kind: "other" })).toBeUndefined();
  expect(await valueOf(metrics.registry, "ferry_model_request_duration_seconds", { purpose: "step", result: "aborted" }, "ferry_model_request_duration_seconds_count")).toBe(1);
});

test("the measured model keeps the model's name and context window", () => {
  const model = measuredModel(modelThat(async () => answer(0)), createFerryMetrics());
  expect({ name: model.name, contextWindow: model.contextWindow }).toEqual({ name: "test-model", contextWindow: 1000 });
});
