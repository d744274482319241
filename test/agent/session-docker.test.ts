import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import { docker, describeWithDocker, TEST_IMAGE } from "../helpers/docker.ts";
import type { AgentFixture } from "./support/agent-fixture.ts";
import { agentFixture } from "./support/agent-fixture.ts";
import { FIXED_ADD } from "./support/buggy-repo.ts";

const call = (name: string, args: object) => ({ toolCalls: [{ name, arguments: args }] });

describeWithDocker("an agent session in the Docker sandbox", () => {
  let fixture: AgentFixture;
  beforeEach(async () => {
    fixture = await agentFixture();
  });
  afterEach(() => fixture.close());

  const sandbox = () => new DockerSandbox({ docker, instance: instanceIdFor("/tmp/ferry-session-docker-test"), network: "bridge" });

  test("the bug gets fixed with commands run in the container, and the change is ready", async () => {
    const model = new ScriptedModel([
      call("shell", { command: "node test.js" }),
      call("shell", { command: "sed -i 's/a - b/a + b/' src/add.js" }),
      call("run_tests", {}),
      call("finish", { summary: "add() adds now." }),
    ]);
    const { outcome } = await fixture.run({ model, sandbox: sandbox(), image: TEST_IMAGE, config: { setup: "node --version" } });
    expect(outcome).toMatchObject({ outcome: "changes-ready", tests: { passed: true } });
    expect(await readFile(join(fixture.checkout.workDir, "src/add.js"), "utf8")).toBe(FIXED_ADD);
  });

  test("the agent's commands have no network", async () => {
    const model = new ScriptedModel([call("shell", { command: "cat /proc/net/dev | tail -n +3 | cut -d: -f1" }), { text: "done" }]);
    await fixture.run({ model, sandbox: sandbox(), image: TEST_IMAGE });
    const result = model.requests[1]?.messages.at(-1);
    expect(result?.role === "tool" && result.content).toMatch(/^\s*lo$/m);
    expect(result?.role === "tool" && result.content).not.toMatch(/eth0/);
  });
});
