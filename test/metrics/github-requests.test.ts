import { afterEach, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot } from "probot";
import { ferryOctokit } from "../../src/github/github-octokit.ts";
import { createFerryMetrics, type FerryMetrics } from "../../src/metrics/ferry-metrics.ts";
import { freePort } from "../helpers/process.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";
import { valueOf } from "./metric-values.ts";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A GitHub on loopback answering every request with `status` and a rate limit of `remaining`. */
async function gitHub(status: number, remaining: number): Promise<string> {
  server = createServer((_, response) => {
    response.writeHead(status, { "content-type": "application/json", "x-ratelimit-remaining": String(remaining), "x-ratelimit-resource": "core" }).end("{}");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
}

/** The app's client, as start.ts makes it (Octokit's retries off). */
function appClient(baseUrl: string, metrics: FerryMetrics) {
  const Octokit = ferryOctokit(new AbortController().signal, metrics).defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false } }));
  return new Probot({ appId: 123, privateKey: testPrivateKey(), baseUrl, log: silentLog, Octokit }).auth();
}

test("each GitHub request is counted by method and status, and the rate limit GitHub reports is kept", async () => {
  const metrics = createFerryMetrics();
  const octokit = await appClient(await gitHub(200, 4321), metrics);
  await octokit.request("GET /app");
  await octokit.request("GET /app");
  expect(await valueOf(metrics.registry, "ferry_github_requests_total", { method: "GET", status: "200" })).toBe(2);
  expect(await valueOf(metrics.registry, "ferry_github_rate_limit_remaining", { resource: "core" })).toBe(4321);
});

test("an error answer is counted with its status and still updates the rate limit", async () => {
  const metrics = createFerryMetrics();
  const octokit = await appClient(await gitHub(404, 17), metrics);
  await expect(octokit.request("POST /app/hook/config")).rejects.toThrow();
  expect(await valueOf(metrics.registry, "ferry_github_requests_total", { method: "POST", status: "404" })).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_github_rate_limit_remaining", { resource: "core" })).toBe(17);
});

test("a GitHub that does not answer is counted as status 0, not as GitHub's 500", async () => {
  const metrics = createFerryMetrics();
  const octokit = await appClient(`http://127.0.0.1:${await freePort()}/api/v3`, metrics);
  await expect(octokit.request("GET /app")).rejects.toThrow(/unreachable/);
  expect(await valueOf(metrics.registry, "ferry_github_requests_total", { method: "GET", status: "0" })).toBe(1);
  expect(await valueOf(metrics.registry, "ferry_github_requests_total", { method: "GET", status: "500" })).toBeUndefined();
});
