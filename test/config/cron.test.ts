import { expect, test } from "@jest/globals";
import { cronProblem, parseCron } from "../../src/config/cron.ts";

test.each(["0 6 * * 1-5", "*/15 * * * *", "0 0 1,15 * *", "30 2 * jan-mar mon", "0 9-17/2 * * 0,7", "1/5 * * * *"])("accepts %s", (cron) => {
  expect(cronProblem(cron)).toBeUndefined();
});

test.each(["0 6 * * 5-1", "0 6 * *", "0 6 * * 1-5 2026", "60 * * * *", "0 24 * * *", "0 0 0 * *", "*/0 * * * *", "a b c d e", "mon * * * *", ""])(
  "rejects %j",
  (cron) => {
    expect(cronProblem(cron)).toEqual(expect.any(String));
  },
);

test("a refused pattern is explained in croner's words, without its class prefix", () => {
  expect(cronProblem("0 6 * * 5-1")).toBe("From value is larger than to value: '5-1'");
});

test("a pattern that parses gives a job whose dates are computed in UTC", () => {
  const parsed = parseCron("0 6 * * *");
  expect(parsed.ok && parsed.job.nextRun(new Date("2026-12-07T05:00:00Z"))?.toISOString()).toBe("2026-12-07T06:00:00.000Z");
});
