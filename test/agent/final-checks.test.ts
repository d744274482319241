import { expect, test } from "@jest/globals";
import { frozenChangeFindings } from "../../src/agent/final-checks.ts";
import type { RawChange } from "../../src/workspace/raw-diff.ts";
import { fake } from "../policy/support/fake-secrets.ts";

const SHA = "a".repeat(40);
const ZERO = "0".repeat(40);
const added = (path: string, mode = "100644"): RawChange => ({ path, oldMode: "000000", newMode: mode, oldSha: ZERO, newSha: SHA });
const deleted = (path: string): RawChange => ({ path, oldMode: "100644", newMode: "000000", oldSha: SHA, newSha: ZERO });
const DENY = [".github/workflows/**", "**/.env*"];

const findings = (changes: RawChange[], extra: { linkTargets?: Map<string, string>; textPatch?: string } = {}) =>
  frozenChangeFindings({ changes, linkTargets: extra.linkTargets ?? new Map(), textPatch: extra.textPatch ?? "", deny: DENY });

test("a denied path is found whichever tool wrote it", () => {
  expect(findings([added("src/a.js"), added(".github/workflows/x.yml")])).toEqual([
    expect.objectContaining({ path: ".github/workflows/x.yml", kind: "paths.deny .github/workflows/**" }),
  ]);
});

test("deleting a denied path is found", () => {
  expect(findings([deleted("app/.env.production")])).toEqual([expect.objectContaining({ path: "app/.env.production", excerpt: expect.stringContaining("deletes") })]);
});

test("a gitlink is never delivered", () => {
  expect(findings([added("vendored", "160000")])).toEqual([expect.objectContaining({ path: "vendored", kind: "gitlink" })]);
});

test("a symbolic link out of the repository or into .git is found; one inside it is fine", () => {
  const linkTargets = new Map([["docs/up", "../../etc/passwd"], ["abs", "/etc/passwd"], ["docs/git", "../.git/config"], ["docs/readme", "../README.md"]]);
  const changes = [added("docs/up", "120000"), added("abs", "120000"), added("docs/git", "120000"), added("docs/readme", "120000")];
  expect(findings(changes, { linkTargets }).map((finding) => finding.path)).toEqual(["docs/up", "abs", "docs/git"]);
});

test("a secret on an added line of the text patch is found", () => {
  const textPatch = `diff --git a/notes.txt b/notes.txt\nnew file mode 100644\n--- /dev/null\n+++ b/notes.txt\n@@ -0,0 +1 @@\n+key=${fake.githubToken}\n`;
  expect(findings([added("notes.txt")], { textPatch })).toEqual([expect.objectContaining({ path: "notes.txt", line: 1 })]);
});
