import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { pino, type Logger } from "pino";
import { Probot, type Context, type ProbotOctokit } from "probot";
import { intakeApp } from "../../../src/intake/webhook-server/intake-app.ts";
import { WebhookBacklog, type WebhookHandler } from "../../../src/intake/backlog/webhook-backlog.ts";
import type { PendingDelivery } from "../../../src/tasks/model.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { expectLoggedError, expectLoggedWarning } from "../../helpers/logged-problems.ts";
import { silentLog, testPrivateKey } from "../../helpers/probot.ts";
import { waitFor } from "../../helpers/process.ts";

let store: SqliteStore;
beforeEach(async () => {
  store = new SqliteStore({ dataDir: ":memory:" });
});
afterEach(async () => await store.close());

// Probot hooks its delivery header into the client; nothing here sends a request.
const octokit = { hook: { before: () => undefined } } as unknown as ProbotOctokit;

// Each delivery's own body (GitHub's differ, at least in their times): one body under two ids is a replay.
const onIssue = (id: string, issue: number, action = "labeled") => ({
  id,
  event: "issues",
  payload: { action, installation: { id: 42 }, repository: { full_name: "octo-org/calc" }, issue: { number: issue, updated_at: id }, sender: { login: "maintainer", type: "User" } },
});

/** A handler the test finishes by hand, recording which deliveries started and when they ended. */
function gatedHandler() {
  const started: string[] = [];
  const ended: string[] = [];
  const gates = new Map<string, PromiseWithResolvers<void>>();
  const handler: WebhookHandler = async (context: Context) => {
    started.push(context.id);
    const gate = Promise.withResolvers<void>();
    gates.set(context.id, gate);
    await gate.promise;
    ended.push(context.id);
  };
  const release = (id: string) => gates.get(id)?.resolve();
  return { handler, started, ended, release };
}

function backlogWith(handlers: Record<string, WebhookHandler>, options: { concurrency?: number; retryDelaysMs?: number[]; now?: () => Date; log?: Logger } = {}) {
  const installations: (number | undefined)[] = [];
  const backlog = new WebhookBacklog({
    store,
    handlers,
    clientFor: async (installationId) => {
      installations.push(installationId);
      return octokit;
    },
    log: silentLog,
    ...options,
  });
  return { backlog, installations };
}

/** A store whose backlog read waits until the test lets it go on. */
class SlowPendingStore extends SqliteStore {
  readonly reading = Promise.withResolvers<void>();
  readonly go = Promise.withResolvers<void>();

  override async pendingDeliveries(): Promise<PendingDelivery[]> {
    this.reading.resolve();
    await this.go.promise;
    return super.pendingDeliveries();
  }
}

describe("WebhookBacklog", () => {
  test("accepting returns before the handler has run; the handler gets Probot's context for the installation", async () => {
    const seen: Context[] = [];
    const { backlog, installations } = backlogWith({ "issues.labeled": async (context) => void seen.push(context) });
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(true);
    expect(seen).toEqual([]);
    await backlog.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: "d-1", name: "issues", payload: { action: "labeled", issue: { number: 1 } }, octokit });
    expect(installations).toEqual([42]);
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.hasSeenDelivery("d-1")).toBe(true);
  });

  test("a handler starts on a later turn of the event loop, never in the microtasks in which the webhook is answered", async () => {
    const started: string[] = [];
    const { backlog } = backlogWith({ "issues.labeled": async (context) => void started.push(context.id) });
    await backlog.accept(onIssue("d-1", 1));
    for (let tick = 0; tick < 50; tick++) await Promise.resolve();
    expect(started).toEqual([]);
    await backlog.idle();
    expect(started).toEqual(["d-1"]);
  });

  test("a delivery id accepted before, waiting or handled, is not handled again", async () => {
    const seen: string[] = [];
    const { backlog } = backlogWith({ "issues.labeled": async (context) => void seen.push(context.id) });
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(true);
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(false);
    await backlog.idle();
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(false);
    await backlog.idle();
    expect(seen).toEqual(["d-1"]);
  });

  test("an event without a handler is settled without a client or a call", async () => {
    const { backlog, installations } = backlogWith({});
    await backlog.accept({ id: "d-push", event: "push", payload: { ref: "refs/heads/main" } });
    await backlog.idle();
    expect(installations).toEqual([]);
    expect(await store.pendingDeliveries()).toEqual([]);
  });

  test("a handler registered for the whole event takes every action", async () => {
    const seen: string[] = [];
    const { backlog } = backlogWith({ issues: async (context) => void seen.push(context.id) });
    await backlog.accept(onIssue("d-1", 1, "opened"));
    await backlog.idle();
    expect(seen).toEqual(["d-1"]);
  });

  test("deliveries about one issue run one at a time in arrival order; another issue does not wait for them", async () => {
    const gated = gatedHandler();
    const { backlog } = backlogWith({ "issues.labeled": gated.handler, "issues.unlabeled": gated.handler });
    await backlog.accept(onIssue("issue-1-first", 1));
    await backlog.accept(onIssue("issue-1-second", 1, "unlabeled"));
    await backlog.accept(onIssue("issue-2", 2));
    await waitFor("both issues to start", () => (gated.started.length === 2 ? true : undefined), 5000);
    expect(gated.started).toEqual(["issue-1-first", "issue-2"]);

    gated.release("issue-2");
    await waitFor("issue 2 to end", () => (gated.ended.includes("issue-2") ? true : undefined), 5000);
    expect(gated.started).toEqual(["issue-1-first", "issue-2"]);

    gated.release("issue-1-first");
    await waitFor("issue 1's second delivery to start", () => (gated.started.length === 3 ? true : undefined), 5000);
    gated.release("issue-1-second");
    await backlog.idle();
    expect(gated.ended).toEqual(["issue-2", "issue-1-first", "issue-1-second"]);
  });

  test("a waiting delivery's payload is read from the store at its turn; one gone from the store meanwhile is skipped", async () => {
    const gated = gatedHandler();
    const payloads: unknown[] = [];
    const { backlog } = backlogWith({
      "issues.labeled": async (context) => {
        payloads.push(context.payload);
        await gated.handler(context);
      },
    });
    await backlog.accept(onIssue("first", 1));
    await backlog.accept(onIssue("given-up", 1));
    await backlog.accept(onIssue("last", 1));
    await waitFor("the first to start", () => (gated.started.length === 1 ? true : undefined), 5000);
    // Another process (or an operator) removed it while it waited.
    await store.dropDelivery("given-up");
    gated.release("first");
    await waitFor("the last to start", () => (gated.started.length === 2 ? true : undefined), 5000);
    gated.release("last");
    await backlog.idle();
    expect(gated.started).toEqual(["first", "last"]);
    expect(payloads).toEqual([onIssue("first", 1).payload, onIssue("last", 1).payload]);
    expect(await store.pendingDeliveries()).toEqual([]);
  });

  test("no more deliveries run at once than the concurrency allows", async () => {
    const gated = gatedHandler();
    const { backlog } = backlogWith({ "issues.labeled": gated.handler }, { concurrency: 2 });
    for (const issue of [1, 2, 3]) await backlog.accept(onIssue(`d-${issue}`, issue));
    await waitFor("two to start", () => (gated.started.length === 2 ? true : undefined), 5000);
    expect(gated.started).toEqual(["d-1", "d-2"]);
    gated.release("d-1");
    await waitFor("the third to start", () => (gated.started.length === 3 ? true : undefined), 5000);
    gated.release("d-2");
    gated.release("d-3");
    await backlog.idle();
    expect(gated.ended.sort()).toEqual(["d-1", "d-2", "d-3"]);
  });

  test("a handler that throws is retried, and succeeds on a later attempt", async () => {
    let calls = 0;
    const { backlog } = backlogWith(
      {
        "issues.labeled": async () => {
          calls += 1;
          if (calls < 3) throw new Error("GitHub answered 502");
        },
      },
      { retryDelaysMs: [1, 1] },
    );
    expectLoggedWarning(/handling a webhook delivery failed; it is retried \(GitHub answered 502\)/);
    await backlog.accept(onIssue("d-1", 1));
    await waitFor("the third attempt", async () => (await store.hasSeenDelivery("d-1") ? true : undefined), 5000);
    expect(calls).toBe(3);
    expect(await store.pendingDeliveries()).toEqual([]);
  });

  test("a delivery accepted while start-up reads the backlog is waiting once: its failure costs one attempt, not two", async () => {
    await store.close();
    const slow = new SlowPendingStore({ dataDir: ":memory:" });
    store = slow;
    let calls = 0;
    const { backlog } = backlogWith(
      {
        "issues.labeled": async () => {
          calls += 1;
          throw new Error("GitHub answered 502");
        },
      },
      { retryDelaysMs: [60_000] },
    );
    expectLoggedWarning(/handling a webhook delivery failed; it is retried \(GitHub answered 502\)/);
    const starting = backlog.start();
    await slow.reading.promise;
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(true);
    slow.go.resolve();
    await starting;
    await backlog.idle();
    expect(calls).toBe(1);
    expect(await store.pendingDeliveries()).toMatchObject([{ id: "d-1" }]);
    await backlog.stop();
  });

  test("after the last retry the delivery is given up: not marked handled, so GitHub's redelivery is accepted", async () => {
    let calls = 0;
    const { backlog } = backlogWith(
      {
        "issues.labeled": async () => {
          calls += 1;
          throw new Error("GitHub answered 502");
        },
      },
      { retryDelaysMs: [1] },
    );
    expectLoggedWarning(/handling a webhook delivery failed; it is retried \(GitHub answered 502\)/);
    expectLoggedError(/gave up on a webhook delivery after its last attempt.*\(GitHub answered 502\)/);
    await backlog.accept(onIssue("d-1", 1));
    await waitFor("two attempts", async () => (calls === 2 && (await store.pendingDeliveries()).length === 0 ? true : undefined), 5000);
    await backlog.idle();
    expect(await store.hasSeenDelivery("d-1")).toBe(false);
    expect(await backlog.accept(onIssue("d-1", 1))).toBe(true);
    await waitFor("the redelivery's attempts", () => (calls === 4 ? true : undefined), 5000);
  });

  test("a handler cut off by the stop is not an attempt: after the restart the delivery gets all its retries", async () => {
    const cutOff = Promise.withResolvers<void>();
    let started = false;
    const first = backlogWith(
      {
        "issues.labeled": async () => {
          started = true;
          await cutOff.promise;
          throw new Error("Ferry is stopping: the request to GitHub was cut off");
        },
      },
      { retryDelaysMs: [1] },
    ).backlog;
    expectLoggedWarning(/cut off by the stop; it is handled again after the restart/);
    expectLoggedWarning(/it is retried \(GitHub at https:\/\/api.github.com is unreachable/);
    await first.accept(onIssue("d-1", 1));
    await waitFor("the handler to start", () => (started ? true : undefined), 5000);
    const stopped = first.stop();
    cutOff.resolve();
    await stopped;
    expect((await store.pendingDeliveries()).map((delivery) => delivery.id)).toEqual(["d-1"]);

    // One retry allowed: it is still there after the restart, because the cut-off run did not count.
    let calls = 0;
    const second = backlogWith(
      {
        "issues.labeled": async () => {
          calls += 1;
          if (calls === 1) throw new Error("GitHub at https://api.github.com is unreachable: connect ECONNREFUSED");
        },
      },
      { retryDelaysMs: [1] },
    ).backlog;
    await second.start();
    await waitFor("the retry after the restart", async () => (await store.hasSeenDelivery("d-1") ? true : undefined), 5000);
    expect(calls).toBe(2);
    await second.stop();
  });

  test("failures are logged with a static message and the delivery, reason and attempt in fields", async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const reason = "GitHub at https://api.github.com is unreachable: connect ECONNREFUSED 140.82.112.6:443";
    const { backlog } = backlogWith(
      {
        "issues.labeled": async () => {
          throw new Error(reason);
        },
      },
      { retryDelaysMs: [1], log },
    );
    await backlog.accept(onIssue("d-1", 1));
    await waitFor("the delivery to be given up", () => (lines.length === 2 ? true : undefined), 5000);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: "handling a webhook delivery failed; it is retried", delivery: "d-1", event: "issues.labeled", attempts: 1, retryInMs: 1, reason }),
      expect.objectContaining({ level: 50, msg: "gave up on a webhook delivery after its last attempt; GitHub's Redeliver brings it back", delivery: "d-1", attempts: 2, reason }),
    ]);
  });

  test("a delivery that fails outside its handler (reading the store) is logged, and the next one about the issue still runs", async () => {
    expectLoggedError(/could not handle a webhook delivery; it stays in the store for the next start \(database is locked\)/);
    const read = store.waitingDelivery.bind(store);
    store.waitingDelivery = (id) => {
      if (id === "d-1") throw new Error("database is locked");
      return read(id);
    };
    const handled: string[] = [];
    const { backlog } = backlogWith({ "issues.labeled": async (context) => void handled.push(context.id) });

    await backlog.accept(onIssue("d-1", 1));
    await backlog.accept(onIssue("d-2", 1));
    await backlog.idle();

    expect(handled).toEqual(["d-2"]);
    expect((await store.pendingDeliveries()).map((delivery) => delivery.id)).toEqual(["d-1"]);
  });

  test("forgetting old deliveries that fails at start() is logged, and what was waiting is still handled", async () => {
    expectLoggedError(/could not forget old webhook deliveries; trying again in a day \(database is locked\)/);
    store.forgetDeliveriesSeenBefore = () => {
      throw new Error("database is locked");
    };
    await store.acceptDelivery(onIssue("d-1", 1));
    const handled: string[] = [];
    const { backlog } = backlogWith({ "issues.labeled": async (context) => void handled.push(context.id) });

    await backlog.start();
    await backlog.idle();

    expect(handled).toEqual(["d-1"]);
    await backlog.stop();
  });

  test("start() handles what an earlier process accepted and did not handle", async () => {
    await store.acceptDelivery(onIssue("before-crash", 1));
    const seen: string[] = [];
    const { backlog } = backlogWith({ "issues.labeled": async (context) => void seen.push(context.id) });
    await backlog.start();
    await backlog.idle();
    expect(seen).toEqual(["before-crash"]);
    expect(await store.pendingDeliveries()).toEqual([]);
  });

  test("start() forgets the ids of deliveries handled more than a week ago: GitHub no longer redelivers them", async () => {
    await store.markDeliverySeen("handled", "issues");
    const days = (count: number) => () => new Date(Date.now() + count * 24 * 60 * 60 * 1000);
    const sixDaysOn = backlogWith({}, { now: days(6) }).backlog;
    await sixDaysOn.start();
    await sixDaysOn.stop();
    expect(await store.hasSeenDelivery("handled")).toBe(true);
    const eightDaysOn = backlogWith({}, { now: days(8) }).backlog;
    await eightDaysOn.start();
    await eightDaysOn.stop();
    expect(await store.hasSeenDelivery("handled")).toBe(false);
  });

  test("start() forgets the bodies of deliveries handled more than 90 days ago, and not before", async () => {
    const { backlog } = backlogWith({});
    await backlog.accept(onIssue("handled", 1));
    await backlog.idle();
    await backlog.stop();
    const days = (count: number) => () => new Date(Date.now() + count * 24 * 60 * 60 * 1000);
    const replay = { ...onIssue("handled", 1), id: "replay" };
    const eightyNineDaysOn = backlogWith({}, { now: days(89) }).backlog;
    await eightyNineDaysOn.start();
    await eightyNineDaysOn.stop();
    expect(await store.acceptDelivery(replay)).toBe(false);
    const ninetyOneDaysOn = backlogWith({}, { now: days(91) }).backlog;
    await ninetyOneDaysOn.start();
    await ninetyOneDaysOn.stop();
    expect(await store.acceptDelivery(replay)).toBe(true);
  });

  test("stop() lets the delivery being handled finish and leaves the waiting ones for the next start", async () => {
    const gated = gatedHandler();
    const { backlog } = backlogWith({ "issues.labeled": gated.handler }, { concurrency: 1 });
    await backlog.accept(onIssue("running", 1));
    await backlog.accept(onIssue("waiting", 2));
    await waitFor("the first to start", () => (gated.started.length === 1 ? true : undefined), 5000);
    const stopped = backlog.stop();
    gated.release("running");
    await stopped;
    expect(gated.ended).toEqual(["running"]);
    expect((await store.pendingDeliveries()).map((delivery) => delivery.id)).toEqual(["waiting"]);
    await expect(backlog.accept(onIssue("late", 3))).rejects.toThrow(/shutting down/);
  });
});

describe("intakeApp", () => {
  test("Probot's webhook answer waits only for the delivery to be stored, not for its handler", async () => {
    const gated = gatedHandler();
    const handlers = { "issues.labeled": gated.handler };
    const { backlog } = backlogWith(handlers);
    const probot = new Probot({ appId: 123, privateKey: testPrivateKey(), log: silentLog });
    await probot.load(intakeApp(backlog, Object.keys(handlers)));
    const { id, event, payload } = onIssue("d-1", 1);
    await probot.receive({ id, name: event, payload } as Parameters<Probot["receive"]>[0]);
    expect((await store.pendingDeliveries()).map((delivery) => delivery.id)).toEqual(["d-1"]);
    expect(gated.ended).toEqual([]);
    await waitFor("the handler to start", () => (gated.started.length === 1 ? true : undefined), 5000);
    gated.release("d-1");
    await backlog.idle();
    expect(gated.ended).toEqual(["d-1"]);
    expect(await store.pendingDeliveries()).toEqual([]);
  });
});
