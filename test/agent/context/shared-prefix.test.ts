import { expect, test } from "@jest/globals";
import { sharedPrefixRatio } from "../../../src/agent/context/shared-prefix.ts";

test("is 1 when the next request repeats the previous one", () => {
  expect(sharedPrefixRatio("abcd", "abcd")).toBe(1);
});

test("is the previous request's share of a next request that only appends", () => {
  expect(sharedPrefixRatio("abcd", "abcdefgh")).toBe(0.5);
});

test("is 0 when the requests differ from the first byte", () => {
  expect(sharedPrefixRatio("abcd", "xbcd")).toBe(0);
});

test("counts bytes, not characters", () => {
  // "é" is two bytes in UTF-8: 2 of the next request's 3 bytes are shared.
  expect(sharedPrefixRatio("éa", "éb")).toBe(2 / 3);
});

test("is 0 for an empty next request", () => {
  expect(sharedPrefixRatio("abc", "")).toBe(0);
});
