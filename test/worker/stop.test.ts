import { afterEach, describe, expect, jest, test } from "@jest/globals";
import { performance } from "node:perf_hooks";
import { renderStatusComment } from "../../src/delivery/status/status-comment.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import type { SandboxFactory } from "../../src/sandbox/sandbox.ts";
import { describeWithDocker, docker, TEST_IMAGE } from "../helpers/docker.ts";
import { waitFor } from "../helpers/process.ts";
import { containerRuns, containersOf } from "../sandbox/support/containers.ts";
import { isRunning, processesRunning } from "../sandbox/support/processes.ts";
import { stopFixture, type StopFixture } from "./support/stop-fixture.ts";

jest.setTimeout(60_000);

const REASON = "@alice asked to stop";
const INSTANCE = "test-worker-stop";

type Probe = {
  sandboxes: SandboxFactory;
  image?: string;
  /** Once the task's `sleep 600` runs: a check of whether it is gone (in Docker, with its container). */
  whenSleeping(fixture: StopFixture, taskId: number): Promise<(() => Promise<boolean>) | undefined>;
};

const local: Probe = {
  sandboxes: () => new LocalSandbox(),
  async whenSleeping(fixture, taskId) {
    const workDir = await fixture.workDirOf(taskId);
    // By pid: the checkout is recycled after the run, and a process left behind would move with it.
    const pids = workDir ? await processesRunning(["sleep", "600"], workDir) : [];
    if (pids.length === 0) return undefined;
    return async () => !(await Promise.all(pids.map(isRunning))).includes(true);
  },
};

const inDocker: Probe = {
  sandboxes: () => new DockerSandbox({ docker, instance: INSTANCE }),
  image: TEST_IMAGE,
  async whenSleeping(_, taskId) {
    if (!(await containerRuns(INSTANCE, taskId, "sleep 600"))) return undefined;
    return async () => (await containersOf(INSTANCE, taskId)).length === 0;
  },
};

function stopTests(probe: Probe, what: string): void {
  let opened: StopFixture | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  test(`/agent stop during a long command: the task is cancelled saying who stopped it, ${what} is gone within seconds, nothing is pushed, the queue goes idle`, async () => {
    const fixture = await stopFixture(probe.sandboxes, probe.image);
    opened = fixture;
    const refsBefore = await fixture.refs();
    const task = await fixture.sleepingTask();
    await fixture.queue.start();
    const gone = await waitFor("sleep 600 to run in the task's sandbox", () => probe.whenSleeping(fixture, task.id), 30_000);

    const stopped = performance.now();
    await fixture.queue.cancel(task.id, REASON);
    // A wait with a deadline, not a timing: the sandbox must be cleared within 10 s of the stop.
    await waitFor(`${what} to be gone`, async () => ((await gone()) ? true : undefined), 10_000);
    process.stderr.write(`  /agent stop → ${what} gone: ${Math.round(performance.now() - stopped)} ms\n`);
    let idle = false;
    void fixture.queue.idle().then(() => (idle = true));
    await waitFor("the queue to go idle", () => idle || undefined, 10_000);

    const ended = await fixture.store.getTask(task.id);
    expect(ended).toMatchObject({ state: "cancelled", result: { outcome: "cancelled", reason: REASON } });
    expect(fixture.announced.map((seen) => seen.state)).toEqual(["preparing", "running", "cancelled"]);
    expect(ended && renderStatusComment({ task: ended, parts: [] })).toContain(REASON);
    expect(await fixture.refs()).toBe(refsBefore);
    expect(fixture.git.requests.filter((request) => request.service === "git-receive-pack")).toEqual([]);
    expect(fixture.unexpectedGitHub).toEqual([]);
    expect(await fixture.store.partsOf(task.id)).toEqual([]);
  });
}

describe("stopping a task in the local sandbox", () => stopTests(local, "the command's process"));

describeWithDocker("stopping a task in the Docker sandbox", () => stopTests(inDocker, "the task's container"));
