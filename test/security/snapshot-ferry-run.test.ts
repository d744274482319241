import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXAMPLES, exampleRepo, ferryRun, git } from "../cli/support/ferry-run.ts";

// `ferry run` leaves its result on a branch of the user's repository: the same frozen verdict
// decides there. A workflow written by the shell blocks the change and no branch is left.
let root: string;
let repo: string;
beforeEach(async () => {
  ({ root, repo } = await exampleRepo());
});
afterEach(() => rm(root, { recursive: true, force: true }));

test("a workflow the shell wrote blocks a ferry run, and no branch is left in the repository", async () => {
  const script = join(root, "script.json");
  await writeFile(
    script,
    JSON.stringify([
      { toolCalls: [{ name: "edit_file", arguments: { path: "src/add.js", old: "a - b", new: "a + b" } }] },
      { toolCalls: [{ name: "shell", arguments: { command: "mkdir -p .github/workflows && echo 'on: push' > .github/workflows/x.yml" } }] },
      { toolCalls: [{ name: "finish", arguments: { summary: "Fixed." } }] },
    ]),
  );
  const result = await ferryRun(root, ["--repo", repo, "--issue", join(EXAMPLES, "issue.md"), "--model-script", script, "--sandbox", "local", "--branch", "ferry/fix"]);
  expect(result.stdout).toContain("Outcome: blocked");
  expect(await git(repo, ["branch", "--list", "ferry/fix"])).toBe("");
});
