import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AgentOutcome } from "../../src/tasks/agent-outcome.ts";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";
import { stackChange } from "../../src/delivery/stack-change.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { runGit } from "../../src/workspace/git.ts";
import { CHECK_JS } from "./stack/support/node-check.ts";
import type { StackFixture } from "./stack/support/stack-fixture.ts";
import { stackFixture } from "./stack/support/stack-fixture.ts";

/*
 * The frozen, verified change as a real stack: split by the planner, prefixes checked in a local
 * sandbox on Ferry's checkout, committed, and pushed to a bare repository, whose branches are then read back.
 */

const module = (name: string, requires: string[] = []) =>
  [...requires.map((dep) => `require("./${dep}");`), ...Array.from({ length: 150 }, (_, line) => `exports.${name}${line} = ${line};`)].join("\n") + "\n";

const CHANGE = { "lib/extra.js": module("extra"), "lib/util.js": module("util"), "lib/feature.js": module("feature", ["util.js"]) };
const config = { ...DEFAULT_REPO_CONFIG, test: "node check.js", pr: { ...DEFAULT_REPO_CONFIG.pr, maxLines: 200 } };
const tests = { command: "node check.js", passed: true, exitCode: 0, timedOut: false, durationMs: 5, output: "ok" };
const spend = { steps: 3, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0, costUsd: 0.01, minutes: 1 };
const outcome: Extract<AgentOutcome, { outcome: "changes-ready" }> = { outcome: "changes-ready", summary: "Adds the feature.", tests, files: [], weakening: [], spend };

let fixture: StackFixture;
let starts: number;
beforeEach(async () => {
  fixture = await stackFixture({ "check.js": CHECK_JS, "lib/base.js": "exports.base = 1;\n" });
  for (const [path, text] of Object.entries(CHANGE)) await writeFile(join(fixture.checkout.workDir, path), text);
  starts = 0;
});
afterEach(() => fixture.close());

async function stack(overrides: Partial<typeof config.pr> = {}) {
  const { checkout } = fixture;
  const change = await fixture.freeze();
  return stackChange({
    checkout,
    change,
    issue: { number: 7, title: "Add the feature" },
    config: { ...config, pr: { ...config.pr, ...overrides } },
    outcome,
    sandboxes: () => {
      starts++;
      return new LocalSandbox();
    },
    spec: { taskId: 1, workDir: checkout.workDir, image: "unused", limits: { memoryMb: 512, cpus: 1, pids: 128 } },
    author: { name: "Ferry", email: "ferry@example.com" },
    coAuthor: { name: "monalisa", email: "monalisa@users.noreply.github.com" },
    signal: new AbortController().signal,
  });
}

const upstream = () => fileURLToPath(fixture.checkout.repo.cloneUrl);
const git = async (...args: string[]) => (await runGit(args, { gitDir: upstream(), timeoutMs: 10_000 })).stdout.trim();
const filesAt = async (ref: string) => (await git("ls-tree", "-r", "--name-only", ref)).split("\n");

test("a change over pr.maxLines is pushed as stacked parts, each on the one before, dependencies first", async () => {
  const built = await stack();
  const pushed = await fixture.workspaces.push(fixture.checkout, built.parts.map((part) => ({ name: part.branch, sha: part.sha })), {});
  expect(pushed.outcome).toBe("pushed");
  expect(built.parts.map((part) => part.branch)).toEqual(["agent/issue-7/part-1", "agent/issue-7/part-2", "agent/issue-7/part-3"]);
  expect(await git("rev-parse", "agent/issue-7/part-1^")).toBe(await git("rev-parse", "main"));
  expect(await git("rev-parse", "agent/issue-7/part-2^")).toBe(await git("rev-parse", "agent/issue-7/part-1"));
  expect(await git("rev-parse", "agent/issue-7/part-3^")).toBe(await git("rev-parse", "agent/issue-7/part-2"));
  const added = async (branch: string) => (await filesAt(branch)).filter((path) => !["check.js", "lib/base.js"].includes(path));
  expect(await added("agent/issue-7/part-1")).toEqual(["lib/extra.js"]);
  expect(await added("agent/issue-7/part-2")).toEqual(["lib/extra.js", "lib/util.js"]);
  expect(await added("agent/issue-7/part-3")).toEqual(["lib/extra.js", "lib/feature.js", "lib/util.js"]);
  expect(await git("show", "agent/issue-7/part-3:lib/feature.js")).toBe(CHANGE["lib/feature.js"].trim());
});

test("each part's commit is titled k/n, names the issue without closing it, and credits the requester", async () => {
  const built = await stack();
  const message = (await runGit(["log", "-1", "--format=%B", built.parts[1]?.sha ?? ""], { gitDir: fixture.checkout.gitDir, timeoutMs: 10_000 })).stdout;
  expect(message).toBe("Add the feature (2/3)\n\nPart 2 of 3 for #7.\n\nCo-authored-by: monalisa <monalisa@users.noreply.github.com>\n\n");
});

test("every prefix but the last is checked in a fresh sandbox; the whole change reuses Ferry's test run of the frozen tree", async () => {
  const built = await stack();
  expect(starts).toBe(2);
  expect(built.parts.map((part) => part.check?.passed)).toEqual([true, true, true]);
  expect(built.parts[2]?.check).toBe(tests);
});

test("with pr.checkCommand, the whole change is checked with it too", async () => {
  const built = await stack({ checkCommand: "node check.js && echo typed" });
  expect(starts).toBe(3);
  expect(built.parts[2]?.check).toMatchObject({ command: "node check.js && echo typed", passed: true });
});

test("a change within the limits is one part", async () => {
  const built = await stack({ maxLines: 1000 });
  expect(built.parts).toHaveLength(1);
  expect(starts).toBe(0);
});

test("the checks run on Ferry's checkout of the frozen tree, never in the agent's tree", async () => {
  const dirs: string[] = [];
  const { checkout } = fixture;
  const change = await fixture.freeze();
  await stackChange({
    checkout,
    change,
    issue: { number: 7, title: "Add the feature" },
    config,
    outcome,
    sandboxes: () => {
      const inner = new LocalSandbox();
      return { kind: "local", files: inner.files, setNetwork: (on) => inner.setNetwork(on), exec: (command, options) => inner.exec(command, options), stop: () => inner.stop(), start: (spec) => (dirs.push(spec.workDir), inner.start(spec)) };
    },
    spec: { taskId: 1, workDir: checkout.workDir, image: "unused", limits: { memoryMb: 512, cpus: 1, pids: 128 } },
    author: { name: "Ferry", email: "ferry@example.com" },
    signal: new AbortController().signal,
  });
  expect(dirs).toEqual([change.verify.dir, change.verify.dir]);
});
