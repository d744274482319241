import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import type { SandboxFactory } from "../../src/sandbox/sandbox.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockRepoConfig } from "../helpers/github-mocks.ts";
import { FINISH, FIX } from "./support/frozen-attacks.ts";
import { taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Attack: `image:` in `.github/agent.yml` picks what the operator's Docker pulls and runs, for
// instance a miner, or an image made to probe the engine. With FERRY_ALLOWED_IMAGES set, an
// image outside it ends the task before any container (or checkout) is made.
let runs: TaskRuns;
beforeEach(async () => {
  runs = await taskRuns();
});
afterEach(async () => runs.close());

test("an image outside FERRY_ALLOWED_IMAGES fails the task before a sandbox is even made", async () => {
  mockRepoConfig(githubApi(), "test: node test.js\nimage: ghcr.io/stranger/miner:latest\n");
  const made: string[] = [];
  const sandboxes: SandboxFactory = () => {
    made.push("sandbox");
    throw new Error("no sandbox may be made for this task");
  };
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, FINISH]), sandboxes, { allowedImages: ["node:*", "ghcr.io/acme/*"] });

  expect(result).toEqual({
    outcome: "error",
    message:
      "The sandbox image ghcr.io/stranger/miner:latest is not allowed on this Ferry server (FERRY_ALLOWED_IMAGES: node:*, ghcr.io/acme/*); use one of those in `image:` of .github/agent.yml, or ask the operator",
  });
  expect(made).toEqual([]);
});
