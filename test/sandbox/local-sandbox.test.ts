import { describe, expect, test } from "@jest/globals";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import { recordingLog } from "../helpers/recording-log.ts";
import { emptyWorkDir, sandboxSeamTests, sandboxSpec } from "./support/sandbox-seam.ts";

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
});
