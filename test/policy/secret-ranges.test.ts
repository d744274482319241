import { expect, test } from "@jest/globals";
import { maskRanges, mergedRanges, redact, withoutOverlaps } from "../../src/policy/secret-ranges.ts";

/* Masking by value and by range (mutation testing): no secret may be left partly in clear. */

test("a secret holding another is masked whole, whatever order they are given in", () => {
  expect(redact("key nested-value-0001-long end", ["nested-value-0001", "nested-value-0001-long"])).toBe("key [redacted] end");
});

test("ranges found out of order are each kept, sorted by position", () => {
  expect(withoutOverlaps([{ start: 5, end: 10 }, { start: 0, end: 3 }])).toEqual([{ start: 0, end: 3 }, { start: 5, end: 10 }]);
});

test("a range starting where the previous one ends does not overlap it", () => {
  expect(withoutOverlaps([{ start: 0, end: 3 }, { start: 3, end: 6 }])).toEqual([{ start: 0, end: 3 }, { start: 3, end: 6 }]);
});

test("ranges to mask given out of order are merged in position order", () => {
  expect(mergedRanges([{ start: 5, end: 10 }, { start: 0, end: 3 }])).toEqual([{ start: 0, end: 3 }, { start: 5, end: 10 }]);
});

test("a range inside another is masked with the outer one, to its end", () => {
  expect(mergedRanges([{ start: 0, end: 10 }, { start: 2, end: 5 }])).toEqual([{ start: 0, end: 10 }]);
});

test("touching ranges are masked as one", () => {
  expect(maskRanges("abcdef!", [{ start: 0, end: 3 }, { start: 3, end: 6 }])).toBe("[redacted]!");
});
