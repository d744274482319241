import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import type { SandboxFactory } from "../../src/sandbox/sandbox.ts";
import { describeWithDocker, docker, TEST_IMAGE } from "../helpers/docker.ts";
import { FINISH, FIX, pushedPart, shell, trajectoryEvents } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, mockFirstDelivery, PART_1, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// What is pushed must be what was scanned and what was tested. Before, the scan read a diff
// taken before the harness's test run, the push a diff taken after it, and the test ran in the
// agent's own container. The test command here prints the tree of the files it actually sees
// (hashed inside the sandbox), and, where the agent never was, leaves a file behind.
const CHECK = [
  "set -e",
  "node test.js",
  'scratch="$(mktemp -d)"',
  'GIT_INDEX_FILE="$scratch/index" git add -A .',
  'echo "tested-tree=$(GIT_INDEX_FILE="$scratch/index" git write-tree)"',
  'rm -rf "$scratch"',
  "if [ -f .agent-was-here ]; then echo agent-files=present; else echo agent-files=absent; echo \"from Ferry's run\" > written-by-ferry-run.txt; fi",
  "",
].join("\n");

let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns({ "check.sh": CHECK, ".gitignore": ".agent-was-here\n" });
});
afterEach(async () => runs.close());

type TreeEvent = { type: string; data: { check?: string; by?: string; tree?: string; output?: string } };

async function deliver(config: string, sandboxes?: SandboxFactory) {
  mockConfigAndIssue(config);
  mockFirstDelivery();
  const task = await runs.newTask();
  const result = await runs.runOnce(task, new ScriptedModel([FIX, shell("touch .agent-was-here && echo notes > NOTES.md"), FINISH]), sandboxes);
  const events = (await trajectoryEvents(runs, task.id)) as TreeEvent[];
  const scanned = events.find((event) => event.type === "check" && event.data.check === "frozen-change")?.data.tree;
  const tested = events.find((event) => event.type === "test-run" && event.data.by === "ferry");
  const seen = /tested-tree=([0-9a-f]{40})/.exec(tested?.data.output ?? "")?.[1];
  const pushed = await runs.git(["rev-parse", `${await pushedPart(runs)}^{tree}`]);
  return { result, scanned, tested: tested?.data.tree, seen, pushed, output: tested?.data.output ?? "" };
}

function expectOneTree(trees: { scanned?: string; tested?: string; seen?: string; pushed: string }) {
  expect(trees.pushed).toMatch(/^[0-9a-f]{40}$/);
  expect(trees.scanned).toBe(trees.pushed);
  expect(trees.tested).toBe(trees.pushed);
  expect(trees.seen).toBe(trees.pushed);
}

test("with the local sandbox, the pushed tree is the scanned tree and the tree the test run saw", async () => {
  const trees = await deliver("test: sh check.sh\n");
  expect(trees.result).toMatchObject({ outcome: "changes-ready" });
  expectOneTree(trees);
});

test("Ferry's test run never sees the agent's ignored files, and what it writes is never pushed", async () => {
  const { output } = await deliver("test: sh check.sh\n");
  expect(output).toContain("agent-files=absent");
  const files = await runs.git(["ls-tree", "-r", "--name-only", PART_1]);
  expect(files.split("\n")).toEqual(expect.arrayContaining(["NOTES.md", "src/add.js"]));
  expect(files).not.toContain("written-by-ferry-run.txt");
  expect(files).not.toContain(".agent-was-here");
});

describeWithDocker("in the Docker sandbox", () => {
  const sandboxes: SandboxFactory = () => new DockerSandbox({ docker, instance: instanceIdFor("/tmp/ferry-tree-identity-test"), network: "bridge" });

  test("the test runs in a fresh container on a checkout of the frozen tree, and that tree is the one pushed", async () => {
    const trees = await deliver(`test: sh check.sh\nimage: ${TEST_IMAGE}\n`, sandboxes);
    expect(trees.result).toMatchObject({ outcome: "changes-ready" });
    expectOneTree(trees);
  }, 120_000);
});
