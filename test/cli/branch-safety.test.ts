import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exampleArgs, exampleRepo, ferryRun, git } from "./support/ferry-run.ts";

let root: string;
let repo: string;
let mainSha: string;
beforeEach(async () => {
  ({ root, repo } = await exampleRepo());
  mainSha = await git(repo, ["rev-parse", "main"]);
  // The user's own work on the branch name Ferry is asked to use.
  await git(repo, ["commit", "--quiet", "--allow-empty", "--message", "my own work"]);
  await git(repo, ["branch", "mine"]);
  await git(repo, ["reset", "--quiet", "--hard", mainSha]);
});
afterEach(() => rm(root, { recursive: true, force: true }));

test("an existing branch is refused before any work, naming the branch and --force, and left as it was", async () => {
  const before = await git(repo, ["rev-parse", "mine"]);
  const result = await ferryRun(root, [...exampleArgs(repo), "--branch", "mine"]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("Branch mine already exists");
  expect(result.stderr).toContain("--force");
  expect(result.stderr).not.toContain("step 1");
  expect(await git(repo, ["rev-parse", "mine"])).toBe(before);
});

test("--force overwrites an existing branch with the result", async () => {
  const result = await ferryRun(root, [...exampleArgs(repo), "--branch", "mine", "--force"]);
  expect(result.exitCode).toBe(0);
  expect(await git(repo, ["rev-parse", "mine^"])).toBe(mainSha);
  expect(await git(repo, ["show", "mine:src/add.js"])).toBe("export const add = (a, b) => a + b;");
});

test("running the same issue twice keeps the first result and refuses the second", async () => {
  const first = await ferryRun(root, exampleArgs(repo));
  const branch = /Branch: (.+)/.exec(first.stdout)?.[1] ?? "";
  const kept = await git(repo, ["rev-parse", branch]);
  const second = await ferryRun(root, exampleArgs(repo));
  expect(second.exitCode).toBe(2);
  expect(second.stderr).toContain(`Branch ${branch} already exists`);
  expect(await git(repo, ["rev-parse", branch])).toBe(kept);
});

test("a branch created while the agent works is not overwritten", async () => {
  // The agent's first step, run on this machine, creates the branch in the user's repository.
  const script = join(root, "script.json");
  await writeFile(
    script,
    JSON.stringify([
      { toolCalls: [{ name: "shell", arguments: { command: `git -C '${repo}' branch late main~0` } }] },
      { toolCalls: [{ name: "edit_file", arguments: { path: "src/add.js", old: "a - b", new: "a + b" } }] },
      { toolCalls: [{ name: "finish", arguments: { summary: "fixed" } }] },
    ]),
  );
  const args = exampleArgs(repo).map((arg) => (arg.endsWith("model-script.json") ? script : arg));
  const result = await ferryRun(root, [...args, "--branch", "late"]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("Branch late was created or moved in the repository while Ferry ran");
  expect(await git(repo, ["rev-parse", "late"])).toBe(mainSha);
});
