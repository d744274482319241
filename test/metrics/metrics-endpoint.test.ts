import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testPrivateKey } from "../helpers/probot.ts";
import { APP_ID, GitHubStandIn } from "../e2e/github-standin/standin.ts";
import { startFerry, type FerryProcess } from "../e2e/support/ferry-process.ts";

/** `npm start` as an operator runs it, scraped as Prometheus would: every metric the issue lists is there. */
let dir: string;
let standin: GitHubStandIn;
let ferry: FerryProcess | undefined;
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ferry-metrics-endpoint-"));
  standin = new GitHubStandIn({ root: join(dir, "github"), privateKey: testPrivateKey() });
  await standin.start();
  ferry = await startFerry({ appId: APP_ID, privateKey: testPrivateKey(), webhookSecret: "metrics-secret", gheHost: standin.host, modelBaseUrl: "http://127.0.0.1:9/v1", dataDir: dir, env: { FERRY_CONCURRENCY: "3" } });
  const response = await fetch(`${ferry.url}/metrics`);
  expect(response.status).toBe(200);
  text = await response.text();
}, 60_000);

afterAll(async () => {
  await ferry?.stop(5000);
  await standin.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("the scrape-time gauges read the store: an empty queue, no task in any state, one worker of 3 slots, none busy", () => {
  expect(text).toContain('ferry_queue_depth{queue="tasks"} 0');
  expect(text).toContain('ferry_queue_oldest_waiting_seconds{queue="tasks"} 0');
  expect(text).toContain('ferry_tasks{state="running"} 0');
  expect(text).toContain("ferry_workers_alive 1");
  expect(text).toContain("ferry_worker_slots 3");
  expect(text).toContain("ferry_worker_busy_slots 0");
});

test("process metrics and the webhook thread's own metrics are in the same answer", () => {
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(text).toContain("# TYPE ferry_webhook_answer_duration_seconds histogram");
  expect(text).toContain("# TYPE ferry_model_request_duration_seconds histogram");
});
