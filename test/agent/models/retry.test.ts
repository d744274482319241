import { describe, expect, test } from "@jest/globals";
import type { RetryNotice } from "../../../src/agent/models/model.ts";
import { backoffDelay, withRetries, type Failure, type RetryPolicy } from "../../../src/agent/models/retry.ts";

const transient = (): Failure => ({ kind: "transient", reason: "503 Service Unavailable" });
const exhausted = (reason: string, attempts: number) => new Error(`gave up after ${attempts}: ${reason}`);
const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({ maxRetries: 4, sleep: async () => {}, random: () => 0, ...overrides });

/** An attempt that fails `failures` times, then answers "ok". */
function flaky(failures: number) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (calls <= failures) throw new Error(`failure ${calls}`);
    return "ok";
  };
  return { attempt, calls: () => calls };
}

describe("backoffDelay", () => {
  test("doubles from one second", () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, () => 0))).toEqual([1000, 2000, 4000, 8000]);
  });

  test("never exceeds thirty seconds", () => {
    expect(backoffDelay(12, () => 0)).toBe(30_000);
  });

  test("takes at most a quarter off at random", () => {
    expect(backoffDelay(2, () => 0.999_999)).toBe(1500);
  });
});

describe("withRetries", () => {
  test("answers with the first success and reports each retry before its pause", async () => {
    const notices: RetryNotice[] = [];
    const sleeps: number[] = [];
    const { attempt } = flaky(2);
    const sleep = async (ms: number) => void sleeps.push(ms);
    const result = await withRetries(attempt, transient, exhausted, policy({ sleep }), { onRetry: (notice) => void notices.push(notice) });
    expect(result).toBe("ok");
    expect(notices).toEqual([
      { attempt: 1, delayMs: 1000, reason: "503 Service Unavailable" },
      { attempt: 2, delayMs: 2000, reason: "503 Service Unavailable" },
    ]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  test("waits what the failure asks for instead of the backoff", async () => {
    const sleeps: number[] = [];
    const asked = (): Failure => ({ kind: "transient", reason: "429 Too Many Requests", retryAfterMs: 7_500 });
    await withRetries(flaky(1).attempt, asked, exhausted, policy({ sleep: async (ms) => void sleeps.push(ms) }), {});
    expect(sleeps).toEqual([7_500]);
  });

  test("gives up after maxRetries retries with the last reason", async () => {
    const { attempt, calls } = flaky(10);
    const retried = withRetries(attempt, transient, exhausted, policy({ maxRetries: 2 }), {});
    await expect(retried).rejects.toThrow("gave up after 3: 503 Service Unavailable");
    expect(calls()).toBe(3);
  });

  test("throws a fatal failure's error without retrying", async () => {
    const fatal = (): Failure => ({ kind: "fatal", error: new Error("bad key") });
    const { attempt, calls } = flaky(1);
    await expect(withRetries(attempt, fatal, exhausted, policy(), {})).rejects.toThrow("bad key");
    expect(calls()).toBe(1);
  });

  test("stops during a pause when aborted even if the sleep ignores the signal", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const sleep = () => {
      controller.abort(reason);
      return new Promise<void>(() => {});
    };
    const { attempt, calls } = flaky(1);
    await expect(withRetries(attempt, transient, exhausted, policy({ sleep }), { signal: controller.signal })).rejects.toBe(reason);
    expect(calls()).toBe(1);
  });

  test("rejects with the signal's reason when aborted while an attempt runs", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const attempt = async () => {
      controller.abort(reason);
      throw new Error("the request was aborted");
    };
    await expect(withRetries(attempt, transient, exhausted, policy(), { signal: controller.signal })).rejects.toBe(reason);
  });
});
