import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockLabelAccepted, mockRepoConfig } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueClosed, issueLabeled, issueUnlabeled } from "../fixtures/webhooks.ts";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
  const scope = githubApi();
  mockInstallationToken(scope);
  mockLabelAccepted(scope);
  await deliver(probot, "issues", "label-1", issueLabeled("agent"));
});
afterEach(async () => await deps.store.close());

const tasks = async () => await deps.store.listTasks(TASK_STATES);

describe("cancelling a task from the issue", () => {
  test("removing the trigger label cancels the queued task", async () => {
    mockRepoConfig(githubApi(), undefined);

    await deliver(probot, "issues", "unlabel-1", issueUnlabeled("agent", { login: "someone" }));

    expect(await tasks()).toMatchObject([{ state: "cancelled", result: { reason: "@someone removed the `agent` label" } }]);
  });

  test("removing another label leaves the task alone", async () => {
    mockRepoConfig(githubApi(), undefined);

    await deliver(probot, "issues", "unlabel-1", issueUnlabeled("bug"));

    expect(await tasks()).toMatchObject([{ state: "queued" }]);
  });

  test("closing the issue cancels the queued task", async () => {
    await deliver(probot, "issues", "close-1", issueClosed({ login: "author" }));

    expect(await tasks()).toMatchObject([{ state: "cancelled", result: { reason: "@author closed the issue" } }]);
  });

  // Stopping is the safe direction: unlike triggers and steering, it is not ignored from bots.
  test("a bot closing the issue (an automation) cancels the queued task", async () => {
    await deliver(probot, "issues", "close-1", issueClosed({ login: "stale[bot]", type: "Bot" }));

    expect(await tasks()).toMatchObject([{ state: "cancelled", result: { reason: "@stale[bot] closed the issue" } }]);
  });

  test("closing an issue without an active task does nothing", async () => {
    await deliver(probot, "issues", "close-1", issueClosed());
    await deliver(probot, "issues", "close-2", issueClosed());

    expect(await tasks()).toHaveLength(1);
  });
});
