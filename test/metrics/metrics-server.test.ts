import { afterEach, expect, test } from "@jest/globals";
import { startMetricsServer, type MetricsServer } from "../../src/metrics/metrics-server.ts";
import { createFerryMetrics } from "../../src/metrics/ferry-metrics.ts";

let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test("a worker's metrics server answers GET /metrics in Prometheus' text format", async () => {
  const metrics = createFerryMetrics({ slots: 3 });
  server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: () => metrics.registry.metrics() });
  const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  expect(await response.text()).toContain("ferry_worker_slots 3");
});

test("it answers GET /ping, as the image's health check asks", async () => {
  server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => "" });
  const response = await fetch(`http://127.0.0.1:${server.port}/ping`);
  expect([response.status, await response.text()]).toEqual([200, "PONG"]);
});

test("it serves nothing else", async () => {
  server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => "" });
  expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
  expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" })).status).toBe(404);
});

test("metrics that cannot be read fail the scrape with 503 and the reason", async () => {
  server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => Promise.reject(new Error("the main thread did not answer within 5000 ms")) });
  const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(response.status).toBe(503);
  expect(await response.text()).toBe("metrics unavailable: the main thread did not answer within 5000 ms\n");
});
