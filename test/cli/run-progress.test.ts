import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, rm } from "node:fs/promises";
import { exampleArgs, exampleRepo, ferryRun } from "./support/ferry-run.ts";

let root: string;
let repo: string;
beforeEach(async () => {
  ({ root, repo } = await exampleRepo());
});
afterEach(() => rm(root, { recursive: true, force: true }));

const progressLines = (stderr: string) => stderr.split("\n").filter((line) => /^(trajectory|baseline|step \d+|verify|ended) · /.test(line));

test("progress goes to stderr, the trajectory path first and then one line per step", async () => {
  const result = await ferryRun(root, exampleArgs(repo));
  const lines = progressLines(result.stderr);
  const path = /^trajectory · (.+)$/.exec(lines[0] ?? "")?.[1] ?? "no trajectory line";
  await access(path);
  expect(lines.slice(1).map((line) => line.replace(/ · \d+\.\d s$/, ""))).toEqual([
    // The tests on the untouched base, before the agent: its verdict is judged against them.
    "baseline · node test.js on the untouched base · exit 1 · 2 tests read",
    "step 1 · run_tests · failed (exit 1)",
    'step 2 · search "export const add" · 1 match',
    "step 3 · read_file src/add.js · ok",
    "step 4 · edit_file src/add.js · ok",
    "step 5 · run_tests · passed",
    "step 6 · finish · Ferry checks the change",
    "verify · node test.js · passed",
    "ended · changes-ready",
    // Ferry's own run on the tree frozen once the agent's sandbox stopped: the one that decides.
    "verify · node test.js · passed",
  ]);
  expect(result.stdout).not.toContain("step 1");
});

test("--quiet prints the report and no progress", async () => {
  const result = await ferryRun(root, [...exampleArgs(repo), "--quiet"]);
  expect(result.exitCode).toBe(0);
  expect(progressLines(result.stderr)).toEqual([]);
  expect(result.stdout).toContain("Outcome: changes-ready");
});

test("--json prints progress and the report as JSON lines on stdout, and no progress on stderr", async () => {
  const result = await ferryRun(root, [...exampleArgs(repo), "--json"]);
  const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { event: string; [key: string]: unknown });
  expect(events[0]).toMatchObject({ event: "trajectory" });
  expect(events[1]).toMatchObject({ event: "baseline", command: "node test.js", result: "exit 1", tests: 2 });
  expect(events[2]).toMatchObject({ event: "step", step: 1, tool: "run_tests", result: "failed (exit 1)", failed: true });
  expect(events.at(-1)).toMatchObject({ event: "report", outcome: "changes-ready", branch: expect.stringMatching(/^ferry\/add-subtracts-[0-9a-f]{6}$/) });
  expect(progressLines(result.stderr)).toEqual([]);
  expect(result.exitCode).toBe(0);
});

test("--json reports a refusal as a JSON error line", async () => {
  const result = await ferryRun(root, [...exampleArgs(repo), "--json", "--branch", "main"]);
  expect(result.exitCode).toBe(2);
  expect(JSON.parse(result.stdout.trim())).toEqual({ event: "error", message: expect.stringContaining("Branch main already exists") });
});
