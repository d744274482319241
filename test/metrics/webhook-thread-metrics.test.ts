import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { WebhookServer, type WebhookServerOptions } from "../../src/intake/webhook-server/webhook-server.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";
import { freePort } from "../helpers/process.ts";
import { webhookRequest } from "../intake/webhook-server/support/signed-webhook.ts";

const SECRET = "thread-secret";
let root: string;
let server: WebhookServer | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ferry-webhook-metrics-"));
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

async function options(metricsText: WebhookServerOptions["metricsText"], metricsToken?: string): Promise<WebhookServerOptions> {
  return {
    thread: {
      probot: { appId: 123, privateKey: testPrivateKey(), secret: SECRET },
      host: "127.0.0.1",
      port: await freePort(),
      logLevel: "silent",
      dataDir: root,
      linksKey: SECRET,
      events: ["issues.labeled"],
      journalDir: join(root, "webhook-journal"),
      ...(metricsToken && { metricsToken }),
    },
    intake: { accept: async () => true },
    runSweep: async () => ({ repositories: [] }),
    metricsText,
    log: silentLog,
    onFailure: () => {},
  };
}

const url = (path: string) => `http://127.0.0.1:${server?.port}${path}`;

test("GET /metrics on the webhook port carries the main thread's registry", async () => {
  server = await WebhookServer.start(await options(async () => "ferry_worker_slots 2\n"));
  const response = await fetch(url("/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(await response.text()).toContain("ferry_worker_slots 2");
});

test("each webhook answer's latency is measured in the webhook thread, by status", async () => {
  server = await WebhookServer.start(await options(async () => ""));
  const payload = { action: "labeled", issue: { number: 7 }, label: { name: "agent" }, repository: { full_name: "o/r" } };
  expect((await fetch(url("/api/github/webhooks"), webhookRequest("d-1", "issues", payload, SECRET))).status).toBe(200);
  expect((await fetch(url("/api/github/webhooks"), webhookRequest("d-2", "issues", payload, "forged"))).status).toBe(400);
  const text = await (await fetch(url("/metrics"))).text();
  expect(text).toContain('ferry_webhook_answer_duration_seconds_count{status="200"} 1');
  expect(text).toMatch(/ferry_webhook_answer_duration_seconds_count\{status="4\d\d"\} 1/);
});

test("when the main thread's metrics fail, the scrape fails with 503 and why", async () => {
  server = await WebhookServer.start(await options(async () => Promise.reject(new Error("registry broke"))));
  const response = await fetch(url("/metrics"));
  expect(response.status).toBe(503);
  expect(await response.text()).toContain("registry broke");
});

test("with FERRY_METRICS_TOKEN the webhook port's /metrics asks for it: the internet reaches this port", async () => {
  const token = "webhook-metrics-token-42";
  server = await WebhookServer.start(await options(async () => "ferry_worker_slots 2\n", token));
  expect((await fetch(url("/metrics"))).status).toBe(401);
  const response = await fetch(url("/metrics"), { headers: { authorization: `Bearer ${token}` } });
  expect(await response.text()).toContain("ferry_worker_slots 2");
});
