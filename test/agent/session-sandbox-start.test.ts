import { afterEach, beforeEach, expect, test } from "@jest/globals";
import Docker from "dockerode";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import type { AgentFixture } from "./support/agent-fixture.ts";
import { agentFixture } from "./support/agent-fixture.ts";

/** A sandbox that cannot start ends the run saying so: it is not the agent's failure, and no model call is made. */
let fixture: AgentFixture;
beforeEach(async () => {
  fixture = await agentFixture();
});
afterEach(() => fixture.close());

/** A local sandbox whose start fails the way the engine refused it. */
class RefusedSandbox extends LocalSandbox {
  override async start(): Promise<void> {
    throw new Error("(HTTP code 400) unexpected - invalid mount config");
  }
}

test("no Docker engine: the run fails with 'the sandbox could not start', naming the socket and what to do", async () => {
  const model = new ScriptedModel([{ text: "never asked" }]);
  const sandbox = new DockerSandbox({ docker: new Docker({ socketPath: "/nonexistent/docker.sock" }), instance: "test" });
  const { outcome, trajectory } = await fixture.run({ model, sandbox });
  expect(outcome).toMatchObject({ outcome: "failed" });
  const reason = outcome.outcome === "failed" ? outcome.reason : "";
  expect(reason).toBe(
    "The sandbox could not start: no Docker engine answers at unix:///nonexistent/docker.sock (there is no socket file at /nonexistent/docker.sock). " +
      "Start Docker, or point DOCKER_HOST at a running engine (Ferry in a container: mount /var/run/docker.sock and add its group); FERRY_SANDBOX=local runs commands on this machine, for development only.",
  );
  expect(model.requests).toEqual([]);
  expect(trajectory.ofType("run-ended")).toEqual([expect.objectContaining({ outcome: "failed", reason })]);
});

test("a create the engine refuses: 'the sandbox could not start' with the engine's words, never 'the agent crashed'", async () => {
  const model = new ScriptedModel([{ text: "never asked" }]);
  const { outcome } = await fixture.run({ model, sandbox: new RefusedSandbox() });
  expect(outcome).toMatchObject({ outcome: "failed", reason: "The sandbox could not start: (HTTP code 400) unexpected - invalid mount config" });
  expect(model.requests).toEqual([]);
});

test("a sandbox that breaks after it started is the sandbox's failure, not the agent's", async () => {
  class BrokenShell extends LocalSandbox {
    override async exec(): Promise<never> {
      throw new SandboxError("The sandbox shell has ended; start a new sandbox.");
    }
  }
  const model = new ScriptedModel([{ toolCalls: [{ name: "shell", arguments: { command: "ls" } }] }]);
  const { outcome } = await fixture.run({ model, sandbox: new BrokenShell(), config: { setup: "npm ci" } });
  expect(outcome).toMatchObject({ outcome: "failed", reason: "The sandbox failed: The sandbox shell has ended; start a new sandbox." });
});
