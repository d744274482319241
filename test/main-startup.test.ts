import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { freePort, waitFor } from "./helpers/process.ts";
import { testPrivateKey } from "./helpers/probot.ts";

const MAIN = resolve("src/main.ts");

/** Runs `node src/main.ts` in an empty directory (no .env) with only the given variables. */
function startMain(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), "ferry-start-"));
  const child = execa(process.execPath, [MAIN], { cwd, reject: false, extendEnv: false, env: { PATH: process.env.PATH ?? "", ...env } });
  void child.finally(() => rmSync(cwd, { recursive: true, force: true }));
  return child;
}

describe("start-up", () => {
  test.each([
    ["WEBHOOK_SECRET", { APP_ID: "123", PRIVATE_KEY: testPrivateKey() }],
    ["PRIVATE_KEY", { APP_ID: "123", WEBHOOK_SECRET: "s" }],
    ["APP_ID", { PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "s" }],
    ["FERRY_CONCURRENCY", { FERRY_CONCURRENCY: "lots" }],
  ])("without a valid %s the process exits 1 with one line naming it, and no secret", async (variable, env) => {
    const result = await startMain(env);

    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(variable);
    expect(result.stderr).not.toContain("PRIVATE KEY-----");
  });

  test("without App credentials it serves Probot's setup flow to register the App", async () => {
    const port = await freePort();
    const child = startMain({ PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" });
    try {
      const page = await waitFor("the setup page", async () => {
        const response = await fetch(`http://127.0.0.1:${port}/probot`).catch(() => undefined);
        return response?.ok ? response.text() : undefined;
      });
      expect(page).toContain("Register GitHub App");
    } finally {
      child.kill("SIGTERM");
      await child;
    }
  });
});

/** App credentials, a port, and a GitHub nobody listens at (GitHub is not needed to start). */
function appOnly(port: number, github: number): Record<string, string> {
  return {
    APP_ID: "123",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: "s",
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: `127.0.0.1:${github}`,
    GHE_PROTOCOL: "http",
  };
}

describe("start-up with App credentials but nothing else", () => {
  test("warns that no model is configured and that no Docker engine answers, naming the socket, and serves anyway", async () => {
    const [port, github] = [await freePort(), await freePort()];
    const child = startMain({
      ...appOnly(port, github),
      FERRY_SANDBOX: "docker",
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
      LOG_FORMAT: "json",
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor("Ferry to answer /ping", async () => ((await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined))?.ok ? true : undefined), 30000);
    } finally {
      child.kill("SIGTERM");
    }
    const result = await child;
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: expect.stringContaining("neither OPENAI_API_KEY nor OPENAI_BASE_URL is set") }));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, engine: "unix:///nonexistent/docker.sock", msg: expect.stringContaining("No Docker engine answers") }),
    );
    expect(result.exitCode).toBe(0);
  });
});

describe("a stop signal during start-up", () => {
  test("SIGTERM before start-up finishes still stops Ferry cleanly: it finishes starting, stops, exits 0", async () => {
    const [port, github] = [await freePort(), await freePort()];
    const child = startMain({ ...appOnly(port, github), FERRY_SANDBOX: "local", FERRY_ALLOW_LOCAL_SANDBOX: "1", OPENAI_API_KEY: "sk-test", LOG_FORMAT: "json" });
    let stdout = "";
    let sent = false;
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // The first line is logged before the store, the sandbox and the webhook thread start. One signal: a second one force-quits.
      if (!sent && stdout.includes("starting Ferry")) sent = child.kill("SIGTERM");
    });
    const result = await child;
    expect(result.signal).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(stdout).toContain('"signal":"SIGTERM"');
  });
});

describe("LOG_FORMAT", () => {
  test("pretty applies to the webhook thread's lines too, though stdout is not a terminal", async () => {
    const [port, github] = [await freePort(), await freePort()];
    const child = startMain({
      ...appOnly(port, github),
      FERRY_SANDBOX: "local",
      FERRY_ALLOW_LOCAL_SANDBOX: "1",
      OPENAI_API_KEY: "sk-test",
      LOG_FORMAT: "pretty",
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor("Ferry to answer /ping", async () => ((await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined))?.ok ? true : undefined), 30000);
      await waitFor("the webhook thread's first line", () => (stdout.includes("answering webhooks") ? true : undefined));
    } finally {
      child.kill("SIGTERM");
    }
    await child;
    const threadLine = stdout.split("\n").find((line) => line.includes("answering webhooks")) ?? "";
    expect(threadLine.trimStart().startsWith("{")).toBe(false);
  });
});
