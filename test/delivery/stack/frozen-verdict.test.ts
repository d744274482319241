import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { AgentOutcome } from "../../../src/tasks/agent-outcome.ts";
import { MemoryTrajectory } from "../../../src/agent/trajectory/memory-trajectory.ts";
import { DEFAULT_REPO_CONFIG } from "../../../src/config/repo-config.ts";
import type { FrozenVerdictInput } from "../../../src/delivery/stack/frozen-verdict.ts";
import { verifyFrozenChange } from "../../../src/delivery/stack/frozen-verdict.ts";
import { LocalSandbox } from "../../../src/sandbox/local/local-sandbox.ts";
import type { SandboxFactory } from "../../../src/sandbox/sandbox.ts";
import { editFiles } from "../../workspace/support/work-tree.ts";
import type { StackFixture } from "./support/stack-fixture.ts";
import { stackFixture, treeFiles } from "./support/stack-fixture.ts";

const TEST = "test -f ok.txt";
const tests = { command: TEST, passed: true, exitCode: 0, timedOut: false, durationMs: 1, output: "" };
const spend = { steps: 1, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1, reasoningTokens: 0, costUsd: 0, minutes: 0 };
const claim: Extract<AgentOutcome, { outcome: "changes-ready" }> = { outcome: "changes-ready", summary: "Done.", tests, files: [], weakening: [], spend };

let fixture: StackFixture;
let starts: { workDir: string; network: boolean }[];
let checked: number;
beforeEach(async () => {
  fixture = await stackFixture({ "README.md": "# Project\n", ".gitignore": "node_modules/\n.setup-*\n" });
  starts = [];
  checked = 0;
});
afterEach(() => fixture.close());

const sandboxes: SandboxFactory = () => {
  const inner = new LocalSandbox();
  return { kind: "local", files: inner.files, setNetwork: (on) => inner.setNetwork(on), exec: (command, options) => inner.exec(command, options), stop: () => inner.stop(), start: (spec) => (starts.push({ workDir: spec.workDir, network: spec.network }), inner.start(spec)) };
};

async function verdict(config: Partial<FrozenVerdictInput["config"]> = {}) {
  const trajectory = new MemoryTrajectory();
  const { checkout } = fixture;
  const result = await verifyFrozenChange(
    { workspaces: fixture.workspaces, sandboxes },
    {
      checkout,
      config: { ...DEFAULT_REPO_CONFIG, test: TEST, ...config },
      outcome: claim,
      spec: { taskId: 1, workDir: checkout.workDir, image: "unused", limits: { memoryMb: 512, cpus: 1, pids: 128 } },
      trajectory,
      signal: new AbortController().signal,
      beforeChecks: async () => {
        checked++;
      },
    },
  );
  return { result, trajectory };
}

test("a tree the agent left unchanged ends as no-changes, before any check", async () => {
  const { result } = await verdict();
  expect(result).toMatchObject({ kind: "ended", outcome: { outcome: "no-changes", summary: "Done." } });
  expect(checked).toBe(0);
  expect(starts).toEqual([]);
});

test("a tree that cannot be frozen is blocked, saying why", async () => {
  await editFiles(fixture.checkout.workDir, { "ok.txt": "", "lib/.GIT/HEAD": "ref: refs/heads/main\n" });
  const { result } = await verdict();
  expect(result).toMatchObject({ kind: "ended", outcome: { outcome: "blocked", findings: [expect.objectContaining({ path: "lib/.GIT/HEAD", kind: "not deliverable" })] } });
  expect(starts).toEqual([]);
});

test("the test runs in a fresh sandbox on Ferry's checkout of the frozen tree, and the change is ready with that tree", async () => {
  await editFiles(fixture.checkout.workDir, { "ok.txt": "" });
  const { result, trajectory } = await verdict();
  if (result.kind !== "ready") throw new Error(`expected a ready change, got ${result.outcome.outcome}`);
  expect(starts).toEqual([{ workDir: fixture.checkout.verifyDir, network: false }]);
  expect(await treeFiles(fixture.checkout.gitDir, result.change.tree)).toMatchObject({ "ok.txt": "" });
  expect(result.outcome.files).toEqual([{ path: "ok.txt", added: 0, deleted: 0, binary: false }]);
  expect(trajectory.ofType("test-run")).toEqual([expect.objectContaining({ by: "ferry", tree: result.change.tree, passed: true })]);
  expect(checked).toBe(1);
});

test("a file the agent left ignored does not reach the test: a test that needs it fails on the frozen tree", async () => {
  await editFiles(fixture.checkout.workDir, { "src/app.js": "x\n", "node_modules/ok.txt": "" });
  const { result } = await verdict({ test: "test -f node_modules/ok.txt" });
  expect(result).toMatchObject({ kind: "ended", outcome: { outcome: "tests-failing", tests: { passed: false } } });
});

test("setup runs with network on the base, before the frozen tree is written in; the test runs without", async () => {
  await editFiles(fixture.checkout.workDir, { "ok.txt": "" });
  const setup = "if [ -f ok.txt ]; then echo agent > .setup-saw; else echo base > .setup-saw; fi";
  const { result } = await verdict({ setup, test: "test -f ok.txt && cat .setup-saw" });
  expect(starts.map((start) => start.network)).toEqual([true, false]);
  expect(result).toMatchObject({ kind: "ready", outcome: { tests: { passed: true, output: expect.stringContaining("base") } } });
});

test("a setup that fails in the final run ends the task as setup-failed", async () => {
  await editFiles(fixture.checkout.workDir, { "ok.txt": "" });
  const { result } = await verdict({ setup: "exit 3" });
  expect(result).toMatchObject({ kind: "ended", outcome: { outcome: "setup-failed", stage: "final-test", exitCode: 3 } });
});
