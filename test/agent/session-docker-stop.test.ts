import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { docker, describeWithDocker, TEST_IMAGE } from "../helpers/docker.ts";
import { waitFor } from "../helpers/process.ts";
import { containerRuns, containersOf } from "../sandbox/support/containers.ts";
import type { AgentFixture } from "./support/agent-fixture.ts";
import { agentFixture } from "./support/agent-fixture.ts";
import { abortingOnStart, call, STOP_REASON } from "./support/stop-probe.ts";

jest.setTimeout(60_000);

// The fixture's task is 1; this instance keeps other files' containers of task 1 apart.
const INSTANCE = "test-session-docker-stop";
const TASK_ID = 1;
const sandbox = () => new DockerSandbox({ docker, instance: INSTANCE, network: "bridge" });
const sleepRuns = async () => ((await containerRuns(INSTANCE, TASK_ID, "sleep 600")) ? true : undefined);
// A wait with a deadline: the container must be gone within 10 s of the stop.
const containerGone = () => waitFor("the task's container to be removed", async () => ((await containersOf(INSTANCE, TASK_ID)).length === 0 ? true : undefined), 10_000);

describeWithDocker("stopping an agent session in the Docker sandbox", () => {
  let fixture: AgentFixture;
  beforeEach(async () => {
    fixture = await agentFixture();
  });
  afterEach(() => fixture.close());

  test("a stop during a long command ends the run as cancelled and the container is gone", async () => {
    const controller = new AbortController();
    const model = new ScriptedModel([call("shell", { command: "sleep 600" }), { text: "never asked" }]);
    const running = fixture.run({ model, sandbox: sandbox(), image: TEST_IMAGE, signal: controller.signal });
    await waitFor("sleep 600 to run in the container", sleepRuns);
    controller.abort(new Error(STOP_REASON));
    await containerGone();
    expect((await running).outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
    expect(model.requests).toHaveLength(1);
  });

  test("a stop during setup ends the run as cancelled before the agent starts, and the container is gone", async () => {
    const controller = new AbortController();
    const model = new ScriptedModel([{ text: "never asked" }]);
    const running = fixture.run({ model, sandbox: sandbox(), image: TEST_IMAGE, signal: controller.signal, config: { setup: "sleep 600" } });
    await waitFor("setup's sleep 600 to run in the container", sleepRuns);
    controller.abort(new Error(STOP_REASON));
    await containerGone();
    expect((await running).outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
    expect(model.requests).toEqual([]);
  });

  test("a stop while the container starts: nothing runs in it and no container is left", async () => {
    const controller = new AbortController();
    const probe = abortingOnStart(sandbox(), controller);
    const { outcome } = await fixture.run({ model: new ScriptedModel([]), sandbox: probe, image: TEST_IMAGE, signal: controller.signal, config: { setup: "true" } });
    expect(outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
    expect(probe.calls).toEqual(["start", "stop"]);
    await containerGone();
  });
});
