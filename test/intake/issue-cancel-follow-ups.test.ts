import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueClosed, issueUnlabeled } from "../fixtures/webhooks.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

// A finished task with review feedback still waiting for its batching window: closing the issue
// must drop it, or the follow-up would reopen the task and spend on an issue someone closed.
test("closing the issue drops the follow-ups waiting for its finished task", async () => {
  const task = await agentPull(deps.store);
  await deps.store.addFollowUp(task.id, { kind: "review", author: "maintainer", data: {}, readyAt: "2999-01-01T00:00:00.000Z" });

  await deliver(probot, "issues", "close-1", issueClosed());

  expect(await deps.store.openFollowUps(task.id)).toEqual([]);
});

// Without an active task there is nothing to cancel: the repository's config is not read
// (test/setup.ts fails the test on any GitHub request nock was not told about).
test("removing the trigger label from an issue without an active task asks GitHub nothing", async () => {
  const task = await agentPull(deps.store);

  await deliver(probot, "issues", "unlabel-1", issueUnlabeled("agent"));

  expect((await deps.store.getTask(task.id))?.state).toBe("done");
});

// No task was ever made for the issue: nothing to drop, nothing to cancel, and no error logged.
test("closing an issue Ferry never worked on does nothing", async () => {
  await deliver(probot, "issues", "close-1", issueClosed());

  expect(await deps.store.latestTaskFor("Codertocat", "Hello-World", 1)).toBeUndefined();
});
