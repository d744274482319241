import { expect, test } from "@jest/globals";
import { dueTimeToSweep, latestDueTime, startOfUtcDay } from "../../src/sweep/due-time.ts";

const due = (cron: string, now: string) => {
  const result = latestDueTime(cron, new Date(now));
  return result.ok ? result.dueAt?.toISOString() : result.problem;
};

test("the due time is the latest occurrence at or before now, in UTC", () => {
  expect(due("0 6 * * *", "2025-03-04T06:00:00.000Z")).toBe("2025-03-04T06:00:00.000Z");
  expect(due("0 6 * * *", "2025-03-04T06:00:59.999Z")).toBe("2025-03-04T06:00:00.000Z");
  expect(due("0 6 * * *", "2025-03-04T05:59:59.999Z")).toBe("2025-03-03T06:00:00.000Z");
});

test("weekday ranges and names follow classic cron", () => {
  // Monday 3 March 2025, before 06:00: the last weekday run was Friday.
  expect(due("0 6 * * 1-5", "2025-03-03T05:00:00Z")).toBe("2025-02-28T06:00:00.000Z");
  expect(due("30 6 * * sun", "2025-03-04T00:00:00Z")).toBe("2025-03-02T06:30:00.000Z");
});

test("a pattern croner cannot schedule is a problem that names sweep.cron", () => {
  expect(due("5-1 * * * *", "2025-03-04T06:00:00Z")).toMatch(/^sweep\.cron: /);
});

test("a due time up to an hour old is still swept; an older one waits for the next", () => {
  const sweepable = (now: string) => {
    const result = dueTimeToSweep("0 6 * * *", new Date(now));
    return result.ok ? result.dueAt?.toISOString() : result.problem;
  };
  expect(sweepable("2025-03-04T06:40:00Z")).toBe("2025-03-04T06:00:00.000Z");
  expect(sweepable("2025-03-04T07:00:00Z")).toBe("2025-03-04T06:00:00.000Z");
  expect(sweepable("2025-03-04T07:00:01Z")).toBeUndefined();
});

test("the daily budget counts from midnight UTC", () => {
  expect(startOfUtcDay(new Date("2025-03-04T23:59:59Z")).toISOString()).toBe("2025-03-04T00:00:00.000Z");
});
