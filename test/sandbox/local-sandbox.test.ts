import { describe, expect, test } from "@jest/globals";
import { rm } from "node:fs/promises";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import { recordingLog } from "../helpers/recording-log.ts";
import { waitFor } from "../helpers/process.ts";
import { isRunning } from "./support/processes.ts";
import { emptyWorkDir, sandboxSeamTests, sandboxSpec, SLEEPER, sleeperPid } from "./support/sandbox-seam.ts";

describe("LocalSandbox", () => {
  sandboxSeamTests(() => new LocalSandbox(), (workDir) => sandboxSpec(workDir));

  test("starting logs a warning that commands run without isolation", async () => {
    const log = recordingLog();
    const sandbox = new LocalSandbox({ log });
    await sandbox.start(sandboxSpec(await emptyWorkDir()));
    await sandbox.stop();
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "warn", message: expect.stringContaining("no isolation") }));
  });

  test("exec before start is refused", async () => {
    await expect(new LocalSandbox().exec("true", { timeoutMs: 1000 })).rejects.toThrow(SandboxError);
  });

  test("stop is safe twice and before start", async () => {
    const sandbox = new LocalSandbox();
    await sandbox.stop();
    await sandbox.start(sandboxSpec(await emptyWorkDir()));
    await sandbox.stop();
    await expect(sandbox.stop()).resolves.toBeUndefined();
  });

  test("stop ends a command that is still running: no process of it is left on the machine", async () => {
    const workDir = await emptyWorkDir();
    const sandbox = new LocalSandbox();
    await sandbox.start(sandboxSpec(workDir));
    const running = sandbox.exec(SLEEPER, { timeoutMs: 900_000 });
    const pid = Number(await sleeperPid(workDir));
    await sandbox.stop();
    await expect(running).resolves.toMatchObject({ exitCode: null });
    await waitFor(`process ${pid} to end`, async () => ((await isRunning(pid)) ? undefined : true), 10_000);
    await rm(workDir, { recursive: true, force: true });
  });
});
