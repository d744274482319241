import { afterEach, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot } from "probot";
import { GitHubCallAbortedError, GitHubUnreachableError } from "../../src/github/github-errors.ts";
import { ferryOctokit } from "../../src/github/github-octokit.ts";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { freePort } from "../helpers/process.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";

/** The platform over Ferry's own Octokit (as start.ts makes it, with the App's credentials): its verbs fail as Ferry's calls do. */
async function platformAt(baseUrl: string, stopping: AbortSignal) {
  const Octokit = ferryOctokit(stopping).defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false } }));
  return octokitPlatform(await new Probot({ appId: 123, privateKey: testPrivateKey(), baseUrl, log: silentLog, Octokit }).auth());
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

test("a GitHub that does not answer is named as unreachable", async () => {
  const github = await platformAt(`http://127.0.0.1:${await freePort()}/api/v3`, new AbortController().signal);
  await expect(github.appSlug()).rejects.toThrow(GitHubUnreachableError);
});

test("a stop cuts a verb off while GitHub leaves it hanging", async () => {
  const arrived = Promise.withResolvers<void>();
  server = createServer(() => arrived.resolve());
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const stopping = new AbortController();
  const github = await platformAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`, stopping.signal);
  const reading = github.appSlug();
  await arrived.promise;
  stopping.abort();
  await expect(reading).rejects.toThrow(GitHubCallAbortedError);
});
