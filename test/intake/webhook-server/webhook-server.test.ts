import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, jest, test } from "@jest/globals";
import { JournalWriter, readSegment, segmentPath } from "../../../src/intake/webhook-server/journal.ts";
import { WebhookServer, type WebhookServerOptions } from "../../../src/intake/webhook-server/webhook-server.ts";
import type { NewDelivery } from "../../../src/tasks/model.ts";
import type { SweepReport } from "../../../src/sweep/sweep-report.ts";
import { signSweepRequest } from "../../../src/sweep/sweep-signature.ts";
import { silentLog, testPrivateKey } from "../../helpers/probot.ts";
import { freePort, waitFor } from "../../helpers/process.ts";
import { webhookRequest } from "./support/signed-webhook.ts";

const SECRET = "thread-secret";
let root: string;
let journalDir: string;
let server: WebhookServer | undefined;
let accepted: NewDelivery[];

// Probot's server takes 0 to mean its default port, 3000, so each test gets a free one.
let nextPort: number;
beforeEach(async () => {
  nextPort = await freePort();
  root = mkdtempSync(join(tmpdir(), "ferry-webhook-server-"));
  journalDir = join(root, "webhook-journal");
  accepted = [];
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

type Overrides = Partial<Omit<WebhookServerOptions, "thread">> & { segmentBytes?: number; port?: number };

function options(overrides: Overrides = {}): WebhookServerOptions {
  const { segmentBytes, port = nextPort, ...rest } = overrides;
  return {
    thread: {
      probot: { appId: 123, privateKey: testPrivateKey(), secret: SECRET },
      host: "127.0.0.1",
      port,
      logLevel: "silent",
      dataDir: root,
      linksKey: SECRET,
      events: ["issues.labeled", "issue_comment.created"],
      journalDir,
      ...(segmentBytes !== undefined && { segmentBytes }),
    },
    intake: {
      async accept(delivery) {
        const fresh = !accepted.some((seen) => seen.id === delivery.id);
        if (fresh) accepted.push(delivery);
        return fresh;
      },
    },
    runSweep: async () => ({ repositories: [] }),
    log: silentLog,
    onFailure: () => {},
    ...rest,
  };
}

const labeled = (id: string) => ({ id, event: "issues", payload: { action: "labeled", issue: { number: 7 }, label: { name: "agent" }, repository: { full_name: "o/r" } } });

function webhook(id: string, event: string, payload: object, secret = SECRET): RequestInit {
  return webhookRequest(id, event, payload, secret);
}

const url = (path = "/api/github/webhooks") => `http://127.0.0.1:${server?.port}${path}`;
const until = (what: string, condition: () => boolean) => waitFor(what, () => (condition() ? true : undefined), 5000);

describe("WebhookServer", () => {
  test("answers a signed delivery of a handled event with 2xx and hands it to the intake with its id, event and payload", async () => {
    server = await WebhookServer.start(options());
    const { id, event, payload } = labeled("d-1");
    const response = await fetch(url(), webhook(id, event, payload));
    expect(response.status).toBe(200);
    await until("the delivery to reach the intake", () => accepted.length === 1);
    expect(accepted).toEqual([labeled("d-1")]);
  });

  test("the answer does not wait for the main thread: it is sent while the main thread is blocked, from the journal alone", async () => {
    server = await WebhookServer.start(options());
    const { id, event, payload } = labeled("blocked");
    const init = webhook(id, event, payload);
    // spawnSync holds this thread (and its event loop) until the child's request is answered.
    const client = `const r = await fetch(${JSON.stringify(url())}, ${JSON.stringify(init)}); process.stdout.write(String(r.status));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", client], { encoding: "utf8", timeout: 20_000, env: { PATH: process.env.PATH } });
    expect(result.stdout).toBe("200");
    expect(accepted).toEqual([]);
    const journalled = readdirSync(journalDir).flatMap((name) => readSegment(join(journalDir, name)).deliveries.map((delivery) => delivery.id));
    expect(journalled).toEqual(["blocked"]);
    await until("the delivery to reach the intake", () => accepted.length === 1);
  });

  test("a forged signature is refused and nothing reaches the intake or the journal", async () => {
    server = await WebhookServer.start(options());
    const { id, event, payload } = labeled("forged");
    const response = await fetch(url(), webhook(id, event, payload, "not-the-secret"));
    expect(response.status).toBe(400);
    await server.stop();
    expect(accepted).toEqual([]);
    expect(readdirSync(journalDir)).toEqual([]);
  });

  test("events Ferry does not handle are answered and dropped, as Probot does", async () => {
    server = await WebhookServer.start(options());
    const response = await fetch(url(), webhook("star-1", "star", { action: "created" }));
    expect(response.status).toBe(200);
    const handled = await fetch(url(), webhook("c-1", "issue_comment", { action: "created", issue: { number: 1 }, comment: { body: "hi" } }));
    expect(handled.status).toBe(200);
    await until("the comment to reach the intake", () => accepted.length === 1);
    expect(accepted.map((delivery) => delivery.id)).toEqual(["c-1"]);
  });

  test("deliveries reach the intake in the order they were answered", async () => {
    server = await WebhookServer.start(options({ segmentBytes: 300 }));
    const ids = Array.from({ length: 12 }, (_, index) => `o-${index}`);
    for (const id of ids) {
      const { event, payload } = labeled(id);
      expect((await fetch(url(), webhook(id, event, payload))).status).toBe(200);
    }
    await until("every delivery to reach the intake", () => accepted.length === ids.length);
    expect(accepted.map((delivery) => delivery.id)).toEqual(ids);
  });

  test("journal segments are deleted once their deliveries are stored, the last one at stop", async () => {
    server = await WebhookServer.start(options({ segmentBytes: 300 }));
    for (const id of ["s-1", "s-2", "s-3", "s-4"]) {
      const { event, payload } = labeled(id);
      await fetch(url(), webhook(id, event, payload));
    }
    await until("the four deliveries to reach the intake", () => accepted.length === 4);
    await until("closed segments to be deleted", () => readdirSync(journalDir).length === 1);
    await server.stop();
    expect(readdirSync(journalDir)).toEqual([]);
  });

  test("a closed segment stays until the store took each of its deliveries, which are stored one at a time", async () => {
    const held = Promise.withResolvers<void>();
    let storing = 0;
    let most = 0;
    const intake = {
      async accept(delivery: NewDelivery) {
        storing += 1;
        most = Math.max(most, storing);
        await held.promise;
        accepted.push(delivery);
        storing -= 1;
        return true;
      },
    };
    server = await WebhookServer.start(options({ intake, segmentBytes: 300 }));
    const ids = Array.from({ length: 8 }, (_, index) => `h-${index}`);
    for (const id of ids) {
      const { event, payload } = labeled(id);
      expect((await fetch(url(), webhook(id, event, payload))).status).toBe(200);
    }
    // Time for the thread's messages (deliveries, closed segments) to reach the main thread.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(journalDir).length).toBeGreaterThan(1);
    held.resolve();
    await until("the deliveries to be stored", () => accepted.length === ids.length);
    await until("closed segments to be deleted", () => readdirSync(journalDir).length === 1);
    expect(accepted.map((delivery) => delivery.id)).toEqual(ids);
    expect(most).toBe(1);
  });

  test("a delivery the store could not take is logged, and its segment stays for the next start, which stores it", async () => {
    const error = jest.fn();
    const log = { ...silentLog, error, child: () => log } as unknown as WebhookServerOptions["log"];
    let failing = true;
    const intake = {
      async accept(delivery: NewDelivery) {
        if (failing) throw new Error("disk I/O error");
        accepted.push(delivery);
        return true;
      },
    };
    server = await WebhookServer.start(options({ intake, log }));
    const { id, event, payload } = labeled("unstored");
    expect((await fetch(url(), webhook(id, event, payload))).status).toBe(200);
    await until("the store failure to be logged", () => error.mock.calls.length === 1);
    expect(String(error.mock.calls[0]?.[1])).toMatch(/unstored was answered but not stored \(disk I\/O error\); the journal keeps it/);
    await server.stop();
    expect(readdirSync(journalDir)).toHaveLength(1);
    failing = false;
    server = await WebhookServer.start(options({ intake }));
    expect(accepted.map((delivery) => delivery.id)).toEqual(["unstored"]);
    expect(readdirSync(journalDir)).toHaveLength(1);
  });

  test("at start it stores what a killed process journalled but never stored, in order, skipping a torn last line and known ids", async () => {
    mkdirSync(journalDir, { recursive: true });
    const crashed = new JournalWriter(journalDir, { segmentBytes: 300 });
    for (const id of ["k-1", "k-2", "k-3", "k-1"]) crashed.append(labeled(id));
    writeFileSync(segmentPath(journalDir, crashed.segment), '{"id":"torn","event":"iss', { flag: "a" });
    const info = jest.fn();
    const warn = jest.fn();
    const log = { ...silentLog, info, warn, child: () => log } as unknown as WebhookServerOptions["log"];
    server = await WebhookServer.start(options({ log }));
    expect(accepted.map((delivery) => delivery.id)).toEqual(["k-1", "k-2", "k-3"]);
    expect(warn.mock.calls.map((call) => call[1])).toEqual([expect.stringMatching(/cut short by the crash/)]);
    // Only the running thread's own segment is left, empty so far.
    expect(readdirSync(journalDir).map((name) => readSegment(join(journalDir, name)).deliveries)).toEqual([[]]);
  });

  test("POST /ferry/sweep is verified in the thread and run on the main thread; the report or the error comes back", async () => {
    const report: SweepReport = { repositories: [] };
    const runSweep = jest.fn(async (repo?: string) => {
      if (repo === "o/broken") throw new Error("GitHub is down");
      return report;
    });
    server = await WebhookServer.start(options({ runSweep }));
    const sweep = (body: string, secret = SECRET) =>
      fetch(url("/ferry/sweep"), { method: "POST", body, headers: signSweepRequest(secret, body) });
    const ok = await sweep(JSON.stringify({ repo: "o/r" }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(report);
    const failed = await sweep(JSON.stringify({ repo: "o/broken" }));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "GitHub is down" });
    expect((await sweep("{}", "forged")).status).toBe(401);
    expect(runSweep.mock.calls).toEqual([["o/r"], ["o/broken"]]);
  });

  test("trajectory links are served by the thread (an unsigned one is a 404, like a missing file)", async () => {
    server = await WebhookServer.start(options());
    const response = await fetch(url("/ferry/trajectories/task-1/run-1.jsonl"));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found\n");
  });

  test("after stop the port is closed", async () => {
    server = await WebhookServer.start(options());
    const address = url();
    await server.stop();
    await expect(fetch(address, webhook("late", "issues", labeled("late").payload))).rejects.toThrow();
  });

  test("a port that is taken fails the start with the thread's error", async () => {
    server = await WebhookServer.start(options());
    const taken = server.port;
    await expect(WebhookServer.start(options({ port: taken }))).rejects.toThrow(/Port \d+ is already in use/);
  });

  test("a thread that dies while running is reported once through onFailure, and stop still resolves", async () => {
    const onFailure = jest.fn();
    server = await WebhookServer.start(options({ onFailure, script: new URL("./support/dying-thread.ts", import.meta.url) }));
    await until("onFailure", () => onFailure.mock.calls.length > 0);
    expect(onFailure.mock.calls).toEqual([[new Error("the webhook thread exited with code 3")]]);
    await server.stop();
  });
});
