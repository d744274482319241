import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { createBuggyRepo, FIXED_ADD } from "../agent/support/buggy-repo.ts";
import { MAIN } from "./support/ferry-run.ts";

let root: string;
let repo: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-cli-"));
  await createBuggyRepo(join(root, "calc.git"));
  repo = join(root, "calc");
  await execa("git", ["clone", "--quiet", join(root, "calc.git"), repo]);
  await writeFile(join(root, "issue.md"), "# add() subtracts\n\n`add(2, 3)` gives -1; it should give 5.\n");
});
afterEach(() => rm(root, { recursive: true, force: true }));

const script = (steps: unknown[]) => {
  const path = join(root, "script.json");
  return writeFile(path, JSON.stringify(steps)).then(() => path);
};

/** `ferry run` as a user types it, with nothing from the test's environment but PATH and HOME. */
function ferryRun(args: string[], input?: string) {
  const env = { PATH: process.env.PATH ?? "", HOME: root, FERRY_DATA_DIR: join(root, "data") };
  return execa(process.execPath, [MAIN, "run", ...args], { env, extendEnv: false, reject: false, input, cwd: root });
}

test("ferry run fixes the issue and leaves the result on a branch of the repository", async () => {
  const steps = await script([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: FIXED_ADD } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "add() adds now." } }] },
  ]);
  const result = await ferryRun(["--repo", repo, "--issue", join(root, "issue.md"), "--test", "node test.js", "--sandbox", "local", "--model-script", steps]);
  expect(result.stderr).not.toContain("ferry run:");
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain("Outcome: changes-ready");
  expect(result.stdout).toContain("src/add.js | +1 -1");
  const branch = /Branch: (ferry\/add-subtracts-[0-9a-f]{6})\n/.exec(result.stdout)?.[1] ?? "no branch";
  expect(result.stdout).toMatch(/Tokens: \d+ in/);
  expect(result.stdout).toMatch(/Cost: \$\d/);
  const trajectory = /Trajectory: (.+)/.exec(result.stdout)?.[1] ?? "";
  expect(await readFile(trajectory, "utf8")).toContain('"type":"run-ended"');
  const { stdout: fixed } = await execa("git", ["-C", repo, "show", `${branch}:src/add.js`]);
  expect(`${fixed}\n`).toBe(FIXED_ADD);
});

test("ferry run reads the issue from stdin with -", async () => {
  const steps = await script([{ text: "Nothing to change." }]);
  const result = await ferryRun(["--repo", repo, "--issue", "-", "--test", "node test.js", "--sandbox", "local", "--model-script", steps], "Make it faster\n\nPlease.");
  expect(result.stdout).toContain("Outcome: no-changes");
  expect(result.stdout).not.toContain("Branch:");
  expect(result.exitCode).toBe(1);
});

test("an unfinished run leaves no branch and says why", async () => {
  const steps = await script([
    { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: "export const add = () => 0;\n" } }] },
    { toolCalls: [{ name: "finish", arguments: { summary: "done" } }] },
  ]);
  const result = await ferryRun(["--repo", repo, "--issue", join(root, "issue.md"), "--test", "node test.js", "--sandbox", "local", "--model-script", steps, "--branch", "ferry/try"]);
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toContain("Outcome: tests-failing");
  const branches = await execa("git", ["-C", repo, "branch", "--list", "ferry/try"]);
  expect(branches.stdout).toBe("");
});

test("a missing --repo is a usage error", async () => {
  const result = await ferryRun(["--issue", "x.md"]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("--repo <path> is required");
  expect(result.stderr).toContain("Usage: ferry run");
});

test("a directory that is not a git repository is refused with a clear message", async () => {
  const result = await ferryRun(["--repo", root, "--issue", join(root, "issue.md"), "--sandbox", "local"]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("is not a git repository");
});

test("a model script that is not JSON is refused with a clear message", async () => {
  await writeFile(join(root, "bad.json"), "[{");
  const result = await ferryRun(["--repo", repo, "--issue", join(root, "issue.md"), "--sandbox", "local", "--model-script", join(root, "bad.json")]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("is not valid JSON");
});

test("ferry run --help prints the usage", async () => {
  const result = await ferryRun(["--help"]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain("--model-script <file>");
});
