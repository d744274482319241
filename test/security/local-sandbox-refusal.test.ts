import { expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { parseEnv } from "../../src/config/env.ts";
import { startFerry } from "../../src/start.ts";
import { freePort } from "../helpers/process.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";

// Attack surface: with FERRY_SANDBOX=local the agent's commands run as Ferry's own user, with its
// data directory, its .env and (in the documented deployment) the Docker socket in reach. A
// server must not run that way by a typo or a copied development .env.
const REFUSAL =
  "ferry: FERRY_SANDBOX=local runs the agent's commands on this machine without isolation; the server refuses it unless FERRY_ALLOW_LOCAL_SANDBOX=1 is set too (development only; use FERRY_SANDBOX=docker)";

test("the server with FERRY_SANDBOX=local and without FERRY_ALLOW_LOCAL_SANDBOX=1 exits 1 with one line naming both", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "ferry-local-refused-"));
  try {
    const [port, github] = [await freePort(), await freePort()];
    // Nothing listens at GHE_HOST: a server that started anyway never reaches GitHub.
    const app = { APP_ID: "123", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s", GHE_HOST: `127.0.0.1:${github}`, GHE_PROTOCOL: "http" };
    const env = { PATH: process.env.PATH ?? "", ...app, PORT: String(port), HOST: "127.0.0.1", FERRY_SANDBOX: "local" };
    // A server that starts anyway is killed by the timeout, and the exit code is not 1.
    const result = await execa(process.execPath, [resolve("src/main.ts")], { cwd, env, extendEnv: false, reject: false, timeout: 20_000 });
    expect({ exitCode: result.exitCode, stderr: result.stderr, stdout: result.stdout }).toEqual({ exitCode: 1, stderr: REFUSAL, stdout: "" });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}, 30_000);

test("startFerry refuses it too, for any other way into the server", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ferry-local-refused-"));
  try {
    const env = parseEnv({ APP_ID: "123", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s", FERRY_SANDBOX: "local", FERRY_DATA_DIR: dataDir });
    if (!env.app) throw new Error("expected App credentials");
    await expect(startFerry(env, env.app, silentLog)).rejects.toThrow(REFUSAL.replace("ferry: ", ""));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
