import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, test } from "@jest/globals";
import type { Logger } from "pino";
import { DeliveryActions, MAX_PENDING_ACTIONS } from "../../../src/intake/webhook-server/access-log.ts";
import { silentLog } from "../../helpers/probot.ts";
import { waitFor } from "../../helpers/process.ts";
import { recordingLog, type LogLine } from "../../helpers/recording-log.ts";
import { inProcessServer, SECRET, type InProcessServer } from "./support/in-process-server.ts";
import { signedDelivery, webhookRequest } from "./support/signed-webhook.ts";

let running: InProcessServer | undefined;
afterEach(async () => {
  await running?.server.stop();
  running = undefined;
});

const labeled = { action: "labeled", issue: { number: 7, title: "payload text" }, label: { name: "agent" }, repository: { full_name: "o/r" } };

async function withRecordedAccess() {
  const log = recordingLog();
  running = await inProcessServer({ accessLog: log });
  return { log, url: running.url };
}

const lines = (log: { lines: LogLine[] }, count: number) =>
  waitFor(`${count} access line(s)`, () => (log.lines.length >= count ? log.lines : undefined), 5000);

describe("the webhook thread's access line", () => {
  test("a verified delivery gets one info line with its event and action, delivery id, status and milliseconds, nothing of its payload (a trailing slash is the same path)", async () => {
    const { log, url } = await withRecordedAccess();
    expect((await fetch(url(), webhookRequest("d-1", "issues", labeled, SECRET))).status).toBe(200);
    expect((await fetch(url("/api/github/webhooks/"), webhookRequest("d-2", "issues", labeled, SECRET))).status).toBe(200);
    expect(await lines(log, 2)).toEqual([
      { level: "info", message: "webhook delivery", fields: { event: "issues.labeled", delivery: "d-1", status: 200, ms: expect.any(Number) } },
      { level: "info", message: "webhook delivery", fields: { event: "issues.labeled", delivery: "d-2", status: 200, ms: expect.any(Number) } },
    ]);
  });

  test("an event Ferry does not handle is answered and logged with its action too", async () => {
    const { log, url } = await withRecordedAccess();
    await fetch(url(), webhookRequest("star-1", "star", { action: "created" }, SECRET));
    expect(await lines(log, 1)).toEqual([expect.objectContaining({ level: "info", fields: expect.objectContaining({ event: "star.created", delivery: "star-1" }) })]);
  });

  test("a forged delivery is a warn line with the event header alone: its payload was never trusted", async () => {
    const { log, url } = await withRecordedAccess();
    expect((await fetch(url(), webhookRequest("forged-1", "issues", labeled, "not-the-secret"))).status).toBe(400);
    expect(await lines(log, 1)).toEqual([
      { level: "warn", message: "webhook delivery refused or not answered", fields: { event: "issues", delivery: "forged-1", status: 400, ms: expect.any(Number) } },
    ]);
  });

  test("a delivery whose sender went away before the answer is a warn line marked aborted", async () => {
    const { log, url } = await withRecordedAccess();
    const { headers, body } = signedDelivery("gone-1", "issues", labeled, SECRET);
    const head = Object.entries({ ...headers, host: "127.0.0.1", "content-length": String(body.length) }).map(([name, value]) => `${name}: ${value}\r\n`);
    const partial = `POST /api/github/webhooks HTTP/1.1\r\n${head.join("")}\r\n${body.slice(0, 10)}`;
    // From another process: nock, which the tests load, holds back what this one sends until it is complete.
    const client = `const s = (await import("node:net")).connect(${new URL(url()).port}, "127.0.0.1", () => s.write(${JSON.stringify(partial)}, () => setTimeout(() => s.destroy(), 200)));`;
    const sender = spawn(process.execPath, ["--input-type=module", "-e", client], { stdio: "ignore", env: { PATH: process.env.PATH } });
    await once(sender, "exit");
    expect(await lines(log, 1)).toEqual([
      { level: "warn", message: "webhook delivery refused or not answered", fields: { event: "issues", delivery: "gone-1", status: 200, ms: expect.any(Number), aborted: true } },
    ]);
  });

  test("other requests get their method and path without the query string; health checks are not logged", async () => {
    const { log, url } = await withRecordedAccess();
    expect((await fetch(url("/ping"))).status).toBe(200);
    expect((await fetch(url("/ferry/trajectories/task-1/run-1.jsonl?sig=abc"))).status).toBe(404);
    expect(await lines(log, 1)).toEqual([
      { level: "info", message: "http request", fields: { method: "GET", path: "/ferry/trajectories/task-1/run-1.jsonl", status: 404, ms: expect.any(Number) } },
    ]);
  });
});

describe("a failing route", () => {
  test("is answered 500 and logged as an error, with its access line", async () => {
    const access = recordingLog();
    const errors: unknown[] = [];
    const log = { ...silentLog, error: (fields: unknown) => void errors.push(fields), child: () => log } as unknown as Logger;
    running = await inProcessServer({ log, accessLog: access, routes: [() => Promise.reject(new Error("disk full"))] });
    expect((await fetch(running.url("/ferry/sweep"), { method: "POST", body: "{}" })).status).toBe(500);
    expect(errors).toEqual([expect.objectContaining({ err: new Error("disk full"), method: "POST", path: "/ferry/sweep" })]);
    expect(await lines(access, 1)).toEqual([expect.objectContaining({ message: "http request", fields: expect.objectContaining({ status: 500 }) })]);
  });
});

describe("DeliveryActions", () => {
  test("keeps at most MAX_PENDING_ACTIONS actions whose answer never came, dropping the oldest; each is taken once", () => {
    const actions = new DeliveryActions();
    for (let index = 0; index <= MAX_PENDING_ACTIONS; index += 1) actions.note(`d-${index}`, { action: `a-${index}` });
    actions.note("no-action", { zen: "hi" });
    expect(actions.take("d-0")).toBeUndefined();
    expect(actions.take("d-1")).toBe("a-1");
    expect(actions.take("d-1")).toBeUndefined();
    expect(actions.take(`d-${MAX_PENDING_ACTIONS}`)).toBe(`a-${MAX_PENDING_ACTIONS}`);
    expect(actions.take("no-action")).toBeUndefined();
  });
});
