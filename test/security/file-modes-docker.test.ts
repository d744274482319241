import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import type { SandboxFactory } from "../../src/sandbox/sandbox.ts";
import { describeWithDocker, docker, TEST_IMAGE } from "../helpers/docker.ts";
import { FINISH, FIX, pushedPart, shell } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, mockFirstDelivery, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Owner-only files must not lock the sandbox out: as root, Ferry hands the checkout to uid 1000,
// and the container reads the mirror the checkout borrows its objects from through a read-only
// mount. Under the server's umask 077, a task in Docker still sees its history and delivers.
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

let runs: TaskRuns;
let umask: number;
beforeEach(async () => {
  umask = process.umask(0o077);
  runs = await taskRuns();
});
afterEach(async () => {
  process.umask(umask);
  await runs.close();
});

describeWithDocker("under umask 077, in the Docker sandbox", () => {
  const sandboxes: SandboxFactory = () => new DockerSandbox({ docker, instance: instanceIdFor("/tmp/ferry-file-modes-test"), network: "bridge" });

  test("the agent reads the history from the mirror, writes its checkout, and the change is delivered", async () => {
    mockConfigAndIssue(`test: node test.js\nimage: ${TEST_IMAGE}\n`);
    mockFirstDelivery();
    // The file is made only if git inside the container could read the borrowed objects.
    const history = shell("git log -1 --format=%H >/dev/null && git status --short >/dev/null && touch made-in-sandbox.txt");
    const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, history, FINISH]), sandboxes);

    expect(result).toMatchObject({ outcome: "changes-ready" });
    const files = await runs.git(["ls-tree", "-r", "--name-only", (await pushedPart(runs)) ?? "missing"]);
    expect(files.split("\n")).toEqual(expect.arrayContaining(["src/add.js", "made-in-sandbox.txt"]));
  }, 120_000);

  test("what the run left on the host is owner-only by its own modes, even under umask 000: mirrors, task directories and trajectories", async () => {
    process.umask(0);
    mockConfigAndIssue(`test: node test.js\nimage: ${TEST_IMAGE}\n`);
    mockFirstDelivery();
    const task = await runs.newTask();
    await runs.runOnce(task, new ScriptedModel([FIX, FINISH]), sandboxes);

    const dataDir = join(dirname(dirname(dirname(runs.gitDir))), "data");
    const dirs = [".", "mirrors", "tasks", "host-git", "trajectories", `trajectories/task-${task.id}`];
    expect(Object.fromEntries(dirs.map((name) => [name, modeOf(join(dataDir, name))]))).toEqual(Object.fromEntries(dirs.map((name) => [name, "700"])));
    expect(modeOf(join(dataDir, "trajectories", `task-${task.id}`, "run-1.jsonl"))).toBe("600");
  }, 120_000);
});
