import { describe, expect, test } from "@jest/globals";
import { MAX_RETRY_AFTER_MS, retryAfterMs } from "../../../src/agent/models/retry-after.ts";

describe("retryAfterMs", () => {
  test("reads retry-after-ms in milliseconds", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1500);
  });

  test("reads retry-after in seconds", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2.5" }))).toBe(2500);
  });

  test("reads retry-after as an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(3000);
  });

  test("caps a long wait", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "3600" }))).toBe(MAX_RETRY_AFTER_MS);
  });

  test("treats a date in the past as no wait", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2020 00:00:00 GMT" }))).toBe(0);
  });

  test("is undefined without a readable header", () => {
    expect([retryAfterMs(new Headers()), retryAfterMs(new Headers({ "retry-after": "soon" })), retryAfterMs(undefined)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
