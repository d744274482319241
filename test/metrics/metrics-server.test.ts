import { afterEach, describe, expect, test } from "@jest/globals";
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

describe("with FERRY_METRICS_TOKEN", () => {
  const token = "metrics-token-0123456789";
  const scrape = (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server?.port}/metrics`, { headers });

  test("a scrape without the bearer token is refused with 401 and no metrics", async () => {
    server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => "ferry_worker_slots 2\n", token });
    const response = await scrape();
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("ferry_worker_slots");
  });

  test("a wrong token is refused too", async () => {
    server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => "", token });
    expect((await scrape({ authorization: `Bearer ${token}x` })).status).toBe(401);
  });

  test("the right bearer token gets the metrics", async () => {
    server = await startMetricsServer({ port: 0, host: "127.0.0.1", text: async () => "ferry_worker_slots 2\n", token });
    expect(await (await scrape({ authorization: `Bearer ${token}` })).text()).toBe("ferry_worker_slots 2\n");
  });
});
