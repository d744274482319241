import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import type { Sandbox } from "../../src/sandbox/sandbox.ts";
import { agentFixture, type AgentFixture } from "../agent/support/agent-fixture.ts";
import { describeWithDocker, docker, TEST_IMAGE } from "../helpers/docker.ts";
import { addCommits } from "../helpers/git-fixtures.ts";

// Attack: the agent's delivered branch rewrites the setup script; a follow-up run must not run
// it while the network is on. Setup runs the base's script; the delivery arrives after.
const BASE_SETUP = "echo base > .base-setup-ran\n";
const AGENT_SETUP = "echo pwned > .agent-setup-ran\n";

let fixture: AgentFixture;
let delivered: string;
beforeEach(async () => {
  fixture = await agentFixture({ "setup.sh": BASE_SETUP });
  const { checkout } = fixture;
  // The earlier delivery, as the mirror holds it after a fetch: the agent's own setup.sh.
  [delivered = ""] = await addCommits(checkout.mirrorDir, [{ message: "Part 1/1", branch: "agent/issue-12/part-1", from: checkout.baseSha, files: { "setup.sh": AGENT_SETUP, "NOTES.md": "delivered\n" } }]);
});
afterEach(() => fixture.close());

const exists = (path: string) => access(join(fixture.checkout.workDir, path)).then(() => true, () => false);

async function followUp(sandbox?: Sandbox, image?: string) {
  const model = new ScriptedModel([{ toolCalls: [{ name: "shell", arguments: { command: "cat NOTES.md setup.sh" } }] }, { text: "Looked." }]);
  await fixture.run({ model, config: { setup: "sh setup.sh" }, startFrom: delivered, ...(sandbox && { sandbox }), ...(image && { image }) });
  return model;
}

test("a follow-up's setup runs the base's setup script, never the one the agent delivered", async () => {
  await followUp();
  expect(await exists(".base-setup-ran")).toBe(true);
  expect(await exists(".agent-setup-ran")).toBe(false);
});

test("the agent then works on its delivered tree, with the base as what the change is measured against", async () => {
  const model = await followUp();
  const seen = JSON.stringify(model.requests[1]?.messages.at(-1));
  expect(seen).toContain("delivered");
  expect(seen).toContain("pwned");
  expect(await readFile(join(fixture.checkout.workDir, "setup.sh"), "utf8")).toBe(AGENT_SETUP);
  const { files } = await fixture.workspaces.diff(fixture.checkout);
  expect(files.map((file) => file.path)).toEqual(expect.arrayContaining(["NOTES.md", "setup.sh"]));
});

describeWithDocker("in the Docker sandbox", () => {
  const sandbox = () => new DockerSandbox({ docker, instance: instanceIdFor("/tmp/ferry-trusted-setup-test"), network: "bridge" });

  test("setup with network runs the base's script; the delivery arrives in the container after the network is cut", async () => {
    const model = await followUp(sandbox(), TEST_IMAGE);
    expect(await exists(".base-setup-ran")).toBe(true);
    expect(await exists(".agent-setup-ran")).toBe(false);
    expect(JSON.stringify(model.requests[1]?.messages.at(-1))).toContain("delivered");
  });
});
