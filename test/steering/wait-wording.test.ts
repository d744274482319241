import { expect, test } from "@jest/globals";
import { describeDeadline, describeWait } from "../../src/steering/wait-wording.ts";

test.each([
  [60 * 60_000, "60 minutes"],
  [60_000, "1 minute"],
  [90_000, "90 seconds"],
  [1000, "1 second"],
  [1500, "2 seconds"],
])("a wait of %i ms is %s", (ms, words) => {
  expect(describeWait(ms)).toBe(words);
});

test("a deadline is given to the minute, in UTC", () => {
  expect(describeDeadline(new Date("2025-03-04T05:06:07.890Z"))).toBe("2025-03-04 05:06 UTC");
});
