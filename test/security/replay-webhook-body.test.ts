import { afterEach, beforeEach, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockLabelAccepted } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueLabeled } from "../fixtures/webhooks.ts";

/**
 * Attack: someone who once saw a signed delivery (a public WEBHOOK_PROXY_URL channel shows
 * every body with its signature) posts it again under a new X-GitHub-Delivery id. The signature
 * still holds, as it covers the body only; before, the new id made it new work: a labelled
 * issue whose task had ended got a second task. Handled bodies are now remembered by their hash.
 */
let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;
beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

test("a handled label delivery replayed under a new delivery id starts no second task", async () => {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockLabelAccepted(scope);
  const payload = issueLabeled("agent");
  await deliver(probot, "issues", "original-id", payload);
  const [task] = await deps.store.listTasks(TASK_STATES);
  if (!task) throw new Error("the original delivery made no task");
  await deps.store.transition(task.id, "cancelled");

  // GitHub would accept a second task as it did the first: only Ferry can refuse the replay.
  const replay = githubApi();
  mockInstallationToken(replay);
  mockLabelAccepted(replay);
  await deliver(probot, "issues", "replayed-id", structuredClone(payload));

  expect((await deps.store.listTasks(TASK_STATES)).map((each) => each.id)).toEqual([task.id]);
  expect(replay.isDone()).toBe(false);
  nock.cleanAll();
});

test("a body replayed while the original still waits to be handled is not accepted a second time", async () => {
  const payload = issueLabeled("agent");
  expect(await deps.store.acceptDelivery({ id: "first", event: "issues", payload })).toBe(true);
  expect(await deps.store.acceptDelivery({ id: "second", event: "issues", payload: structuredClone(payload) })).toBe(false);
});

test("a delivery given up after its attempts frees its body: GitHub's Redeliver of it is handled", async () => {
  const payload = issueLabeled("agent");
  await deps.store.acceptDelivery({ id: "given-up", event: "issues", payload });
  await deps.store.dropDelivery("given-up");
  expect(await deps.store.acceptDelivery({ id: "given-up", event: "issues", payload })).toBe(true);
});
