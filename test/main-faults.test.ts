import { expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";
import { freePort, waitFor } from "./helpers/process.ts";
import { testPrivateKey } from "./helpers/probot.ts";

const MAIN = resolve("src/main.ts");
const FAULT_ON_SIGNAL = pathToFileURL(resolve("test/helpers/fault-on-signal.ts")).href;

/** Starts the server (local sandbox, a GitHub nobody listens at), makes it meet `fault`, and returns how it ended and what it logged. */
async function serverMeeting(fault: "rejection" | "exception") {
  const [port, github] = [await freePort(), await freePort()];
  const cwd = mkdtempSync(join(tmpdir(), "ferry-fault-"));
  const env = {
    PATH: process.env.PATH ?? "",
    APP_ID: "123",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: "s",
    PORT: String(port),
    HOST: "127.0.0.1",
    GHE_HOST: `127.0.0.1:${github}`,
    GHE_PROTOCOL: "http",
    FERRY_SANDBOX: "local",
    FERRY_ALLOW_LOCAL_SANDBOX: "1",
    OPENAI_API_KEY: "sk-test",
    LOG_FORMAT: "json",
    FERRY_TEST_FAULT: fault,
  };
  const child = execa(process.execPath, ["--import", FAULT_ON_SIGNAL, MAIN], { cwd, reject: false, extendEnv: false, env });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    await waitFor("Ferry to answer /ping", async () => ((await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined))?.ok ? true : undefined), 30000);
    child.kill("SIGUSR2");
    const result = await child;
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    return { exitCode: result.exitCode, lines };
  } finally {
    child.kill("SIGKILL");
    rmSync(cwd, { recursive: true, force: true });
  }
}

test("an unhandled rejection is logged as fatal, with its error, and the server stops and exits 1", async () => {
  const { exitCode, lines } = await serverMeeting("rejection");

  expect(lines).toContainEqual(expect.objectContaining({ level: 60, fault: "unhandled rejection", err: expect.objectContaining({ message: "test fault: rejected" }) }));
  expect(exitCode).toBe(1);
});

test("an uncaught exception is logged as fatal, with its error, and the server stops and exits 1", async () => {
  const { exitCode, lines } = await serverMeeting("exception");

  expect(lines).toContainEqual(expect.objectContaining({ level: 60, fault: "uncaught exception", err: expect.objectContaining({ message: "test fault: thrown" }) }));
  expect(exitCode).toBe(1);
});
