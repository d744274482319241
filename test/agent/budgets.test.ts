import { expect, test } from "@jest/globals";
import { Budgets } from "../../src/agent/budgets.ts";

const limits = { steps: 3, tokens: 1_000, usd: 1, minutes: 10 };
const usage = (inputTokens: number, outputTokens = 0) => ({ inputTokens, cachedInputTokens: 0, outputTokens, reasoningTokens: 0 });

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test("a fresh run has every budget left", () => {
  expect(new Budgets(limits, clock().now).exhausted()).toBeUndefined();
});

test("the steps budget counts model steps, not compaction requests", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge(usage(1), 0, { step: true });
  budgets.charge(usage(1), 0, { step: false });
  budgets.charge(usage(1), 0, { step: true });
  expect(budgets.exhausted()).toBeUndefined();
  budgets.charge(usage(1), 0, { step: true });
  expect(budgets.exhausted()).toBe("steps");
});

test("the tokens budget counts input and output tokens", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge(usage(600, 399), 0, { step: false });
  expect(budgets.exhausted()).toBeUndefined();
  budgets.charge(usage(0, 1), 0, { step: false });
  expect(budgets.exhausted()).toBe("tokens");
});

test("the usd budget adds up the cost of every response", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge(usage(1), 0.6, { step: false });
  budgets.charge(usage(1), 0.4, { step: false });
  expect(budgets.exhausted()).toBe("usd");
});

test("an unknown price makes the cost unknown and leaves the usd budget unchecked", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge(usage(1), 5, { step: false });
  budgets.charge(usage(1), null, { step: false });
  expect(budgets.spend().costUsd).toBeNull();
  expect(budgets.exhausted()).toBeUndefined();
});

test("the minutes budget is wall-clock time less the time spent waiting for a person", () => {
  const time = clock();
  const budgets = new Budgets(limits, time.now);
  time.advance(9 * 60_000);
  budgets.paused(5 * 60_000);
  time.advance(5 * 60_000);
  expect(budgets.exhausted()).toBeUndefined();
  time.advance(60_000);
  expect(budgets.exhausted()).toBe("minutes");
  expect(budgets.spend().minutes).toBe(10);
});

test("spend reports every token kind", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge({ inputTokens: 10, cachedInputTokens: 4, outputTokens: 7, reasoningTokens: 3 }, 0.01, { step: true });
  expect(budgets.spend()).toEqual({ steps: 1, inputTokens: 10, cachedInputTokens: 4, outputTokens: 7, reasoningTokens: 3, costUsd: 0.01, minutes: 0 });
});

test("once a price was unknown the cost stays unknown, though later prices are known", () => {
  const budgets = new Budgets(limits, clock().now);
  budgets.charge(usage(1), null, { step: false });
  budgets.charge(usage(1), 5, { step: false });
  expect(budgets.spend().costUsd).toBeNull();
  expect(budgets.exhausted()).toBeUndefined();
});

test("a run started at a real time of day has its minutes counted from its start", () => {
  const time = clock(Date.UTC(2026, 11, 7, 9, 30));
  const budgets = new Budgets(limits, time.now);
  time.advance(60_000);
  expect(budgets.spend().minutes).toBe(1);
  expect(budgets.exhausted()).toBeUndefined();
});
