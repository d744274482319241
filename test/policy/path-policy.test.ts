import { expect, test } from "@jest/globals";
import { checkWritePath } from "../../src/policy/path-policy.ts";

const defaults = [".github/workflows/**", "**/.env*"];

test("an ordinary source file may be written", () => {
  expect(checkWritePath("src/app.ts", defaults)).toEqual({ allowed: true });
});

test.each([".env", ".env.local", "config/.env.local", "a/b/c/.env.production"])("**/.env* matches the dotfile %s", (path) => {
  expect(checkWritePath(path, defaults)).toMatchObject({ allowed: false, pattern: "**/.env*" });
});

test("a workflow file is matched by .github/workflows/**", () => {
  expect(checkWritePath(".github/workflows/ci.yml", defaults)).toMatchObject({ allowed: false, pattern: ".github/workflows/**" });
});

test("other files under .github may be written", () => {
  expect(checkWritePath(".github/ISSUE_TEMPLATE/bug.md", defaults)).toEqual({ allowed: true });
});

test("a pattern that matches a directory covers the files inside it", () => {
  expect(checkWritePath("secrets/prod/key.json", ["secrets"])).toMatchObject({ allowed: false, pattern: "secrets" });
});

test("the reason names the path and the pattern", () => {
  expect(checkWritePath(".env", defaults)).toEqual({
    allowed: false,
    pattern: "**/.env*",
    reason: 'Writing ".env" is not allowed here (matches "**/.env*" in paths.deny of .github/agent.yml); leave it unchanged and say in your final summary what it needs.',
  });
});

test("the first matching pattern is the one reported", () => {
  expect(checkWritePath("docs/.env", ["docs/**", "**/.env*"])).toMatchObject({ pattern: "docs/**" });
});

test.each([".git/hooks/pre-commit", ".git/config", ".git", "vendor/lib/.git/config", ".GIT/hooks/post-checkout"])(
  "a write inside .git is refused even with no deny patterns: %s",
  (path) => {
    expect(checkWritePath(path, [])).toMatchObject({ allowed: false, pattern: "**/.git/**", reason: expect.stringContaining("never allowed") });
  },
);

test("names that only start with .git are ordinary files", () => {
  expect(checkWritePath(".gitignore", [])).toEqual({ allowed: true });
  expect(checkWritePath(".github/CODEOWNERS", [])).toEqual({ allowed: true });
  expect(checkWritePath("docs/.gitkeep", [])).toEqual({ allowed: true });
});

test("paths.deny matches whatever the letter case, as a case-insensitive file system does", () => {
  expect(checkWritePath("Secrets/Prod.ENV", ["secrets/**"])).toMatchObject({ allowed: false, pattern: "secrets/**" });
});

test("a deny glob covers files in dot directories too (mutation testing: dot matching)", () => {
  expect(checkWritePath(".github/workflows/ci.yml", ["**/*.yml"])).toMatchObject({ allowed: false, pattern: "**/*.yml" });
});

test("a path spelled with ./ and doubled slashes is still denied", () => {
  expect(checkWritePath("./.github//workflows/ci.yml", [".github/workflows"])).toMatchObject({ allowed: false, pattern: ".github/workflows" });
});
