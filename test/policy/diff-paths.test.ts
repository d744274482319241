import { expect, test } from "@jest/globals";
import { pathFromGitHeader, sidePath, unquoteGitPath } from "../../src/policy/diff-paths.ts";

test("a path without quotes is returned as it is", () => {
  expect(unquoteGitPath("src/a b.ts")).toBe("src/a b.ts");
});

test("octal escapes are UTF-8 bytes", () => {
  expect(unquoteGitPath('"caf\\303\\251.txt"')).toBe("café.txt");
});

test("C escapes are resolved", () => {
  expect(unquoteGitPath('"tab\\there \\"quoted\\" back\\\\slash\\n"')).toBe('tab\there "quoted" back\\slash\n');
});

test("a side of a ---/+++ line loses its a/ or b/ prefix and the tab after a name with spaces", () => {
  expect(sidePath("b/docs/my notes.md\t")).toBe("docs/my notes.md");
  expect(sidePath('"b/caf\\303\\251.md"')).toBe("café.md");
});

test("the diff --git header names a file whose two sides are equal, spaces and all", () => {
  expect(pathFromGitHeader("a/assets/logo b.png b/assets/logo b.png")).toBe("assets/logo b.png");
  expect(pathFromGitHeader('"a/caf\\303\\251.png" "b/caf\\303\\251.png"')).toBe("café.png");
});
