import { expect, test } from "@jest/globals";
import { matchesCommandPattern } from "../../src/policy/command-pattern.ts";

test("a trailing * also matches nothing: git push* matches git push", () => {
  expect(matchesCommandPattern("git push", "git push*")).toBe(true);
  expect(matchesCommandPattern("git push --force", "git push*")).toBe(true);
});

test("a pattern ending in a space and * means any arguments or none: npm install * matches a bare npm install", () => {
  expect(matchesCommandPattern("npm install lodash", "npm install *")).toBe(true);
  expect(matchesCommandPattern("npm install", "npm install *")).toBe(true);
});

test("a pattern ending in a space and * does not match a longer word", () => {
  expect(matchesCommandPattern("npm installer", "npm install *")).toBe(false);
});

test("* matches slashes and spaces", () => {
  expect(matchesCommandPattern("rm -rf /var/lib/x y", "rm -rf /*")).toBe(true);
});

test("the whole command must match, not a substring", () => {
  expect(matchesCommandPattern("echo sudo make", "sudo *")).toBe(false);
});

test("? matches exactly one character", () => {
  expect(matchesCommandPattern("make a", "make ?")).toBe(true);
  expect(matchesCommandPattern("make ab", "make ?")).toBe(false);
});

test("regular-expression characters in a pattern are literal", () => {
  expect(matchesCommandPattern("rm a.b", "rm a.b")).toBe(true);
  expect(matchesCommandPattern("rm axb", "rm a.b")).toBe(false);
  expect(matchesCommandPattern("echo (x)", "echo (x)")).toBe(true);
});

test("runs of spaces in a pattern count as one", () => {
  expect(matchesCommandPattern("git push origin", "git   push *")).toBe(true);
});
