import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import type { SandboxFactory } from "../../src/sandbox/sandbox.ts";
import { describeWithDocker, docker, TEST_IMAGE } from "../helpers/docker.ts";
import { FINISH, FIX, pushedPart, shell } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Attack: the sandbox's checkout is on the data directory's disk, shared by every task, the
// database and the webhook journal. A command that writes without end (by mistake, or told to
// by a comment) filled it for everyone. A task that writes past FERRY_SANDBOX_DISK_MB is stopped.
const STOPPED = "The sandbox wrote more than 2 MB (FERRY_SANDBOX_DISK_MB), so the task was stopped";
// Writes 8 MB, then keeps the command (and the run) going well past the watch's 10 s.
const FILL = shell("head -c 8000000 /dev/zero > filler.bin && sleep 40");

let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns();
});
afterEach(async () => runs.close());

async function fillDisk(config: string, sandboxes?: SandboxFactory) {
  mockConfigAndIssue(config);
  const started = Date.now();
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, FILL, FINISH]), sandboxes, { diskMb: 2 });
  return { result, seconds: (Date.now() - started) / 1000 };
}

test("a task whose sandbox writes past the disk limit is stopped with that message, and nothing is pushed", async () => {
  const { result, seconds } = await fillDisk("test: node test.js\n");
  expect(result).toMatchObject({ outcome: "failed", reason: STOPPED });
  expect(seconds).toBeLessThan(35);
  expect(await pushedPart(runs)).toBeUndefined();
}, 60_000);

describeWithDocker("in the Docker sandbox", () => {
  const sandboxes: SandboxFactory = () => new DockerSandbox({ docker, instance: instanceIdFor("/tmp/ferry-disk-limit-test"), network: "bridge" });

  test("the container's writes to its checkout count, and the task is stopped", async () => {
    const { result, seconds } = await fillDisk(`test: node test.js\nimage: ${TEST_IMAGE}\n`, sandboxes);
    expect(result).toMatchObject({ outcome: "failed", reason: STOPPED });
    expect(seconds).toBeLessThan(35);
  }, 90_000);
});
