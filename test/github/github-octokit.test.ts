import { afterEach, describe, expect, test } from "@jest/globals";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot } from "probot";
import { GitHubCallAbortedError, GitHubUnreachableError } from "../../src/github/github-errors.ts";
import { ferryOctokit } from "../../src/github/github-octokit.ts";
import { httpStatusOf } from "../../src/github/http-status.ts";
import { installationToken } from "../../src/github/installation-token.ts";
import { freePort } from "../helpers/process.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";

/** Ferry's Probot, as start.ts makes it; Octokit's retries only where a test wants them. */
function ferryProbot(baseUrl: string, stopping: AbortSignal, retries = false): Probot {
  const Octokit = retries ? ferryOctokit(stopping) : ferryOctokit(stopping).defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false } }));
  return new Probot({ appId: 123, privateKey: testPrivateKey(), baseUrl, log: silentLog, Octokit });
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A GitHub on loopback that does what `answer` says; resolves with its API URL. */
async function gitHub(answer: (response: ServerResponse) => void): Promise<{ baseUrl: string; requests: string[] }> {
  const requests: string[] = [];
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    answer(response);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`, requests };
}

describe("which GitHub is asked, and how its failures read", () => {
  test("is named with its URL and the connection's own words, not as a 500", async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}/api/v3`;
    const octokit = await ferryProbot(baseUrl, new AbortController().signal).auth();
    const call = octokit.request("GET /app/installations");
    await expect(call).rejects.toThrow(GitHubUnreachableError);
    await expect(call).rejects.toThrow(new RegExp(`^GitHub at ${baseUrl} is unreachable: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`));
    expect(httpStatusOf(await call.catch((error: unknown) => error))).toBeUndefined();
  });

  test("an installation's token request says so too, through a request or for git", async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}/api/v3`;
    const installation = await ferryProbot(baseUrl, new AbortController().signal).auth(42);
    const unreachable = `GitHub at ${baseUrl} is unreachable: connect ECONNREFUSED`;
    await expect(installation.request("GET /repos/{owner}/{repo}", { owner: "octo-org", repo: "calc" })).rejects.toThrow(unreachable);
    await expect(installationToken(installation)).rejects.toThrow(unreachable);
  });

  test("an uncached token for git is asked of the configured server (GitHub Enterprise), not of api.github.com", async () => {
    const { baseUrl, requests } = await gitHub((response) => response.writeHead(201, { "content-type": "application/json" }).end('{"token":"ghs_fromTheServer","expires_at":"2099-01-01T00:00:00Z"}'));
    const installation = await ferryProbot(baseUrl, new AbortController().signal).auth(42);
    expect(await installationToken(installation)).toBe("ghs_fromTheServer");
    expect(requests).toEqual(["POST /api/v3/app/installations/42/access_tokens"]);
  });

  test("what GitHub answered keeps its status", async () => {
    const { baseUrl } = await gitHub((response) => response.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}'));
    const octokit = await ferryProbot(baseUrl, new AbortController().signal).auth();
    const error = await octokit.request("GET /app/installations").catch((caught: unknown) => caught);
    expect(httpStatusOf(error)).toBe(404);
  });
});

describe("stopping", () => {
  test("cuts off a request GitHub never answers, at once", async () => {
    const { baseUrl, requests } = await gitHub(() => {});
    const stopping = new AbortController();
    const octokit = await ferryProbot(baseUrl, stopping.signal).auth();
    const call = octokit.request("GET /app/installations");
    await waitUntil(() => requests.length === 1);
    const started = Date.now();
    stopping.abort();
    await expect(call).rejects.toThrow(GitHubCallAbortedError);
    await expect(call).rejects.toThrow(`Ferry is stopping: the request to GitHub at ${baseUrl} (GET /app/installations) was cut off`);
    expect(Date.now() - started).toBeLessThan(500);
  });

  test("cuts off a request waiting for Octokit's next retry", async () => {
    const { baseUrl, requests } = await gitHub((response) => response.writeHead(502).end());
    const stopping = new AbortController();
    const octokit = await ferryProbot(baseUrl, stopping.signal, true).auth();
    const call = octokit.request("GET /app/installations");
    // After the first 502, Octokit waits a second, then four, before trying again.
    await waitUntil(() => requests.length === 2);
    const started = Date.now();
    stopping.abort();
    await expect(call).rejects.toThrow(GitHubCallAbortedError);
    expect(Date.now() - started).toBeLessThan(500);
  });

  test("cuts off the token request for git, which bypasses the client's hooks", async () => {
    const { baseUrl, requests } = await gitHub(() => {});
    const stopping = new AbortController();
    const installation = await ferryProbot(baseUrl, stopping.signal).auth(42);
    const token = installationToken(installation, stopping.signal);
    await waitUntil(() => requests.length === 1);
    stopping.abort();
    await expect(token).rejects.toThrow(`Ferry is stopping: the request to GitHub at ${baseUrl} (POST /app/installations/{installation_id}/access_tokens) was cut off`);
  });

  test("after the stop no request leaves", async () => {
    const { baseUrl, requests } = await gitHub((response) => response.writeHead(200, { "content-type": "application/json" }).end("[]"));
    const stopping = new AbortController();
    const octokit = await ferryProbot(baseUrl, stopping.signal).auth();
    stopping.abort();
    await expect(octokit.request("GET /app/installations")).rejects.toThrow(GitHubCallAbortedError);
    expect(requests).toEqual([]);
  });
});

async function waitUntil(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
