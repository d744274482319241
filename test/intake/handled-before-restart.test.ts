import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { webhookHandlers } from "../../src/intake/app.ts";
import { WebhookBacklog } from "../../src/intake/backlog/webhook-backlog.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { issueLabeled } from "../fixtures/webhooks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { testLog } from "../helpers/logged-problems.ts";
import { testProbot } from "../helpers/probot.ts";

let deps: ReturnType<typeof intakeDeps>;

beforeEach(async () => {
  deps = intakeDeps();
});
afterEach(async () => await deps.store.close());

/**
 * Ferry crashed after a handler did a delivery's work and recorded it, before the backlog let go
 * of the delivery: the restart finds it still waiting. Doing the work again would repeat it (a
 * second reply, a redirect given twice), so the handler skips it. No GitHub answer is mocked:
 * any request would fail the delivery and the test.
 */
test("a delivery handled just before a crash is not handled again when the restart picks it up", async () => {
  await deps.store.acceptDelivery({ id: "before-crash", event: "issues", payload: issueLabeled("agent") });
  await deps.store.markDeliverySeen("before-crash", "issues.labeled");
  const probot = testProbot(deps);
  const backlog = new WebhookBacklog({ store: deps.store, handlers: webhookHandlers(deps), clientFor: (id) => probot.auth(id), log: testLog, retryDelaysMs: [] });

  await backlog.start();
  await backlog.idle();
  await backlog.stop();

  expect(await deps.store.listTasks(TASK_STATES)).toEqual([]);
  expect(await deps.store.pendingDeliveries()).toEqual([]);
});
