import { expect, test } from "@jest/globals";
import { isCronExpression } from "../../src/config/cron.ts";

test.each(["0 6 * * 1-5", "*/15 * * * *", "0 0 1,15 * *", "30 2 * jan-mar mon", "0 9-17/2 * * 0,7"])("accepts %s", (cron) => {
  expect(isCronExpression(cron)).toBe(true);
});

test.each(["0 6 * *", "0 6 * * 1-5 2026", "@daily", "60 * * * *", "0 24 * * *", "0 0 0 * *", "*/0 * * * *", "a b c d e", "mon * * * *", ""])(
  "rejects %j",
  (cron) => {
    expect(isCronExpression(cron)).toBe(false);
  },
);
