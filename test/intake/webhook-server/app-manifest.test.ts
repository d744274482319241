import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { z } from "zod";
import { expectLoggedWarning } from "../../helpers/logged-problems.ts";
import { inProcessServer, SECRET, type InProcessServer } from "./support/in-process-server.ts";
import { webhookRequest } from "./support/signed-webhook.ts";

type ManifestOptions = { pkg: object; baseUrl: string; readFileSync(path: string, encoding: string): string };
type ManifestCreation = new () => { getManifest(options: ManifestOptions): string };

/** Probot's own manifest code, the one its setup page runs; it is not in Probot's exports map. */
async function probotManifestCreation(): Promise<ManifestCreation> {
  const entry = createRequire(import.meta.url).resolve("probot");
  const module: unknown = await import(pathToFileURL(join(dirname(entry), "manifest-creation.js")).href);
  return z.object({ ManifestCreation: z.custom<ManifestCreation>((value) => typeof value === "function") }).parse(module).ManifestCreation;
}

const APP_YML = new URL("../../../app.yml", import.meta.url);
const BASE_URL = "https://ferry.example.com";

/** The manifest Probot's setup page posts to GitHub, generated from our app.yml. */
async function manifestFromAppYml() {
  const ManifestCreation = await probotManifestCreation();
  const read: string[] = [];
  const json = new ManifestCreation().getManifest({
    pkg: { name: "ferry", description: "from package.json" },
    baseUrl: BASE_URL,
    readFileSync: (path) => {
      read.push(path);
      return readFileSync(APP_YML, "utf8");
    },
  });
  expect(read).toEqual([expect.stringMatching(/app\.yml$/)]);
  return z.object({ hook_attributes: z.object({ url: z.string() }) }).loose().parse(JSON.parse(json));
}

const saved = { WEBHOOK_PROXY_URL: process.env.WEBHOOK_PROXY_URL, PROJECT_DOMAIN: process.env.PROJECT_DOMAIN };
beforeEach(() => {
  delete process.env.WEBHOOK_PROXY_URL;
  delete process.env.PROJECT_DOMAIN;
});
let running: InProcessServer | undefined;
afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await running?.server.stop();
  running = undefined;
});

describe("app.yml in Probot's setup flow", () => {
  test("with WEBHOOK_PROXY_URL set, the App is registered with that smee channel as its webhook URL", async () => {
    process.env.WEBHOOK_PROXY_URL = "https://smee.io/ferry-channel";
    expect((await manifestFromAppYml()).hook_attributes).toEqual({ url: "https://smee.io/ferry-channel" });
  });

  test("without it, the webhook URL is the address the setup page was opened at, and app.yml's own settings are kept", async () => {
    const manifest = await manifestFromAppYml();
    expect(manifest.hook_attributes).toEqual({ url: `${BASE_URL}/` });
    expect(manifest).toMatchObject({ name: "Ferry", public: false, redirect_url: `${BASE_URL}/probot/setup` });
    expect(manifest).toHaveProperty("default_permissions.contents", "write");
    expect(manifest).not.toHaveProperty("default_permissions.workflows");
  });

  test("deliveries to that URL, the server's root, are received like those to /api/github/webhooks", async () => {
    running = await inProcessServer();
    const labeled = { action: "labeled", issue: { number: 7 }, repository: { full_name: "o/r" } };
    expect((await fetch(running.url("/"), webhookRequest("at-root", "issues", labeled, SECRET))).status).toBe(200);
    expect((await fetch(running.url(), webhookRequest("at-path", "issues", labeled, SECRET))).status).toBe(200);
    expect(running.accepted.map((delivery) => delivery.id)).toEqual(["at-root", "at-path"]);
    expectLoggedWarning(/webhook delivery refused or not answered/);
    expect((await fetch(running.url("/"), webhookRequest("forged", "issues", labeled, "not-the-secret"))).status).toBe(400);
  });
});
