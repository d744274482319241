import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, realpath } from "node:fs/promises";
import { join } from "node:path";
import { createModel } from "../../src/agent/models/create-model.ts";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { startOpenAiServer } from "../helpers/openai-server.ts";
import { waitFor } from "../helpers/process.ts";
import { processesRunning } from "../sandbox/support/processes.ts";
import type { AgentFixture } from "./support/agent-fixture.ts";
import { agentFixture } from "./support/agent-fixture.ts";
import { abortingOnStart, call, STOP_REASON } from "./support/stop-probe.ts";

let fixture: AgentFixture;
beforeEach(async () => {
  fixture = await agentFixture();
});
afterEach(() => fixture.close());

const SLEEP = ["sleep", "600"];
const sleepers = async () => processesRunning(SLEEP, await realpath(fixture.checkout.workDir));

test("a stop during a long command kills it and ends the run as cancelled with the reason; the model is not asked again", async () => {
  const controller = new AbortController();
  const model = new ScriptedModel([call("shell", { command: "sleep 600" }), { text: "never asked" }]);
  const running = fixture.run({ model, signal: controller.signal });
  await waitFor("sleep 600 to run", async () => ((await sleepers()).length > 0 ? true : undefined));
  controller.abort(new Error(STOP_REASON));
  const { outcome, trajectory } = await running;
  expect(outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
  expect(await sleepers()).toEqual([]);
  expect(model.requests).toHaveLength(1);
  expect(trajectory.ofType("tool-call")).toEqual([expect.objectContaining({ name: "shell", aborted: true })]);
});

test("a stop during setup kills the setup command and ends the run as cancelled before the agent starts", async () => {
  const controller = new AbortController();
  const model = new ScriptedModel([{ text: "never asked" }]);
  const running = fixture.run({ model, signal: controller.signal, config: { setup: "sleep 600" } });
  await waitFor("setup's sleep 600 to run", async () => ((await sleepers()).length > 0 ? true : undefined));
  controller.abort(new Error(STOP_REASON));
  expect((await running).outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
  expect(await sleepers()).toEqual([]);
  expect(model.requests).toEqual([]);
});

test("a stop while the sandbox starts: nothing runs in it, not even setup, and it is stopped", async () => {
  const controller = new AbortController();
  const sandbox = abortingOnStart(new LocalSandbox(), controller);
  const model = new ScriptedModel([{ text: "never asked" }]);
  const { outcome } = await fixture.run({ model, sandbox, signal: controller.signal, config: { setup: "touch setup-ran" } });
  expect(outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
  expect(sandbox.calls).toEqual(["start", "stop"]);
  await expect(access(join(fixture.checkout.workDir, "setup-ran"))).rejects.toThrow();
  expect(model.requests).toEqual([]);
});

test.each(["responses", "chat"] as const)("a stop while the %s model is answering ends the run as cancelled, and the request is not sent again", async (api) => {
  const server = await startOpenAiServer();
  try {
    server.reply({ hang: true }, { text: "only a retry would get this" });
    const model = createModel({ name: "gpt-5.3-codex", api, apiKey: "sk-test", baseUrl: server.baseUrl }, { sleep: async () => {} });
    const controller = new AbortController();
    const running = fixture.run({ model, signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(new Error(STOP_REASON));
    expect((await running).outcome).toMatchObject({ outcome: "cancelled", reason: STOP_REASON });
    expect(server.requests).toHaveLength(1);
  } finally {
    await server.close();
  }
});
