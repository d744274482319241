import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { z } from "zod";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { issueLabeled } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockLabelAccepted } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

/**
 * The configured label from a writer, on an issue changed by `issue`. GitHub stands ready to
 * accept it, so only the guard stops the task; returns how many of those answers went unasked.
 */
async function labelWith(issue: Record<string, unknown>, id: string): Promise<number> {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockLabelAccepted(scope);
  const ready = nock.pendingMocks().length;
  const payload = z.looseObject({ issue: z.looseObject({}) }).parse(issueLabeled("agent"));
  await deliver(probot, "issues", id, { ...payload, issue: { ...payload.issue, ...issue } });
  const unasked = nock.pendingMocks().length;
  // They were bait, not expectations.
  nock.cleanAll();
  return ready - unasked;
}

test("the trigger label on a pull request (GitHub sends it as an issue) starts no task and asks GitHub nothing", async () => {
  const asked = await labelWith({ pull_request: { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" } }, "label-pr");

  expect({ tasks: await deps.store.listTasks(TASK_STATES), asked }).toEqual({ tasks: [], asked: 0 });
});

test("the trigger label on a closed issue starts no task and asks GitHub nothing", async () => {
  const asked = await labelWith({ state: "closed" }, "label-closed");

  expect({ tasks: await deps.store.listTasks(TASK_STATES), asked }).toEqual({ tasks: [], asked: 0 });
});
