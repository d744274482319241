import { expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxCheckOptions } from "../../../src/delivery/stack/sandbox-check.ts";
import { sandboxCheck } from "../../../src/delivery/stack/sandbox-check.ts";
import { LocalSandbox } from "../../../src/sandbox/local/local-sandbox.ts";
import type { Sandbox, SandboxFactory } from "../../../src/sandbox/sandbox.ts";

/** Local sandboxes that write down what happens to each: `<n> start network=<bool>`, `<n> exec`, `<n> stop`. */
function recordingSandboxes(): { sandboxes: SandboxFactory; events: string[] } {
  const events: string[] = [];
  let count = 0;
  const sandboxes: SandboxFactory = () => {
    const id = ++count;
    const inner = new LocalSandbox();
    const sandbox: Sandbox = {
      kind: "local",
      start: (spec) => (events.push(`${id} start network=${spec.network}`), inner.start(spec)),
      exec: (command, options) => (events.push(`${id} exec`), inner.exec(command, options)),
      setNetwork: (enabled) => inner.setNetwork(enabled),
      files: inner.files,
      stop: () => (events.push(`${id} stop`), inner.stop()),
    };
    return sandbox;
  };
  return { sandboxes, events };
}

async function withWorkDir(run: (workDir: string) => Promise<void>): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), "ferry-sandbox-check-"));
  try {
    await run(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

const options = (workDir: string, sandboxes: SandboxFactory, command: string): SandboxCheckOptions => ({
  sandboxes,
  spec: { taskId: 7, workDir, image: "unused", limits: { memoryMb: 512, cpus: 1, pids: 256 } },
  command,
  timeoutMs: 10_000,
});
const prefix = { index: 1, tree: "unused", whole: true };

test("a command that exits 0 is a passing check", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes } = recordingSandboxes();
    const run = await sandboxCheck(options(workDir, sandboxes, "echo all good"))(prefix);
    expect(run).toEqual({ command: "echo all good", passed: true, exitCode: 0, timedOut: false, durationMs: expect.any(Number), output: "all good\n", evidence: expect.objectContaining({ mode: "exit-code" }) });
  }));

test("a command that exits non-zero is a failing check with its output", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes } = recordingSandboxes();
    const run = await sandboxCheck(options(workDir, sandboxes, "echo broken; exit 3"))(prefix);
    expect(run).toMatchObject({ command: "echo broken; exit 3", passed: false, exitCode: 3, timedOut: false, output: "broken\n" });
  }));

test("a command that runs out of time is a failing check", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes } = recordingSandboxes();
    const run = await sandboxCheck({ ...options(workDir, sandboxes, "sleep 5"), timeoutMs: 200 })(prefix);
    expect(run).toMatchObject({ passed: false, timedOut: true });
  }));

test("the command runs in the working tree", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes } = recordingSandboxes();
    const run = await sandboxCheck(options(workDir, sandboxes, "pwd"))(prefix);
    expect(run.output).toBe(`${workDir}\n`);
  }));

test("each prefix gets a fresh sandbox without network, stopped after its check", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes, events } = recordingSandboxes();
    const check = sandboxCheck(options(workDir, sandboxes, "true"));
    await check(prefix);
    await check({ index: 2, tree: "unused", whole: true });
    expect(events).toEqual(["1 start network=false", "1 exec", "1 stop", "2 start network=false", "2 exec", "2 stop"]);
  }));

test("the sandbox is stopped when the task is cancelled during the check", () =>
  withWorkDir(async (workDir) => {
    const { sandboxes, events } = recordingSandboxes();
    const controller = new AbortController();
    const running = sandboxCheck({ ...options(workDir, sandboxes, "sleep 5"), signal: controller.signal })(prefix);
    setTimeout(() => controller.abort(new Error("task cancelled")), 100);
    await expect(running).rejects.toThrow("task cancelled");
    expect(events).toEqual(["1 start network=false", "1 exec", "1 stop"]);
  }));
