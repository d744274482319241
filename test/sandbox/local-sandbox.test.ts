import { describe, expect, test } from "@jest/globals";
import { rm } from "node:fs/promises";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import type { NamespaceLauncher } from "../../src/sandbox/local/pid-namespace.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import { recordingLog } from "../helpers/recording-log.ts";
import { waitFor } from "../helpers/process.ts";
import { sandboxFilesTests } from "./support/files-seam.ts";
import { processesRunning } from "./support/processes.ts";
import { emptyWorkDir, sandboxSeamTests, sandboxSpec, SLEEPER, sleeperPid } from "./support/sandbox-seam.ts";

const withoutNamespace = async (): Promise<NamespaceLauncher> => ({ prefix: undefined, reason: "unshare: unshare failed: Operation not permitted" });

describe("LocalSandbox", () => {
  sandboxSeamTests(() => new LocalSandbox(), (workDir) => sandboxSpec(workDir));
  sandboxFilesTests(() => new LocalSandbox(), (workDir) => sandboxSpec(workDir));

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
    await sleeperPid(workDir);
    await sandbox.stop();
    await expect(running).resolves.toMatchObject({ exitCode: null });
    await waitFor("the command's sleep to end", async () => ((await processesRunning(["sleep", "600"], workDir)).length === 0 ? true : undefined), 10_000);
    await rm(workDir, { recursive: true, force: true });
  });

  test("HOME is a fresh empty directory of the sandbox's, not Ferry's", async () => {
    const sandbox = new LocalSandbox();
    await sandbox.start(sandboxSpec(await emptyWorkDir()));
    const result = await sandbox.exec('echo "$HOME"; ls -A "$HOME" | wc -l', { timeoutMs: 10_000 });
    await sandbox.stop();
    const [home, entries] = result.output.trim().split("\n");
    expect(home).not.toBe(process.env.HOME);
    expect(home).toMatch(/ferry-home-/);
    expect(entries).toBe("0");
  });

  describe("without a PID namespace (unshare unavailable)", () => {
    sandboxSeamTests(() => new LocalSandbox({ launcher: withoutNamespace }), (workDir) => sandboxSpec(workDir));

    test("starting warns that a detached process can outlive its command, and why", async () => {
      const log = recordingLog();
      const sandbox = new LocalSandbox({ log, launcher: withoutNamespace });
      await sandbox.start(sandboxSpec(await emptyWorkDir()));
      await sandbox.stop();
      expect(log.lines).toContainEqual({
        level: "warn",
        fields: expect.objectContaining({ reason: "unshare: unshare failed: Operation not permitted" }),
        message: expect.stringContaining("can outlive the command"),
      });
    });
  });
});
