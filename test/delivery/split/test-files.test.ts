import { expect, test } from "@jest/globals";
import { isTestFile, sameStemSubject, testStem } from "../../../src/delivery/split/test-files.ts";

test("recognises test files by name and by folder", () => {
  expect(["src/a.test.ts", "src/a.spec.tsx", "src/__tests__/a.ts", "test/a.ts", "pkg/tests/helpers/b.ts"].every(isTestFile)).toBe(true);
  expect(["src/a.ts", "src/testing.ts", "src/latest/a.ts", "contest/a.ts"].some(isTestFile)).toBe(false);
});

test("the stem of a test names the file it is about", () => {
  expect(testStem("src/foo.test.ts")).toBe("foo");
  expect(testStem("src/foo-bar.spec.js")).toBe("foo-bar");
  expect(testStem("src/__tests__/foo.ts")).toBe("foo");
  expect(testStem("test/helpers/fixtures.ts")).toBeUndefined();
});

test("a same-stem subject beside the test wins over one elsewhere", () => {
  expect(sameStemSubject("src/b/foo.test.ts", ["src/a/foo.ts", "src/b/foo.ts"])).toBe("src/b/foo.ts");
  expect(sameStemSubject("src/b/__tests__/foo.ts", ["src/a/foo.ts", "src/b/foo.ts"])).toBe("src/b/foo.ts");
});

test("a test under test/ finds the subject in the mirrored folder", () => {
  expect(sameStemSubject("test/workspace/numstat.test.ts", ["src/other/numstat.ts", "src/workspace/numstat.ts"])).toBe(
    "src/workspace/numstat.ts",
  );
});

test("a test with no same-stem source has no stem subject", () => {
  expect(sameStemSubject("src/foo.test.ts", ["src/bar.ts", "src/foo.md"])).toBeUndefined();
});
