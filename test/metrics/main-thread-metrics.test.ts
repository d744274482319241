import { expect, test } from "@jest/globals";
import { MainThreadMetrics } from "../../src/metrics/main-thread-metrics.ts";

test("the main thread's answer settles the call it carries", async () => {
  const asked: number[] = [];
  const metrics = new MainThreadMetrics((call) => asked.push(call));
  const first = metrics.text();
  const second = metrics.text();
  metrics.settle(2, { text: "second" });
  metrics.settle(1, { text: "first" });
  expect([await first, await second, asked]).toEqual(["first", "second", [1, 2]]);
});

test("a main thread that does not answer in time fails the request, saying so", async () => {
  const metrics = new MainThreadMetrics(() => {}, 20);
  await expect(metrics.text()).rejects.toThrow("the main thread did not answer within 20 ms");
});

test("the main thread's error is passed on", async () => {
  const metrics = new MainThreadMetrics((call) => queueMicrotask(() => metrics.settle(call, { error: "registry broke" })));
  await expect(metrics.text()).rejects.toThrow("registry broke");
});
