import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { namespaceLauncher } from "../../src/sandbox/local/pid-namespace.ts";
import type { Sandbox } from "../../src/sandbox/sandbox.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";
import { waitFor } from "../helpers/process.ts";
import { containerRuns } from "../sandbox/support/containers.ts";
import { processesRunning } from "../sandbox/support/processes.ts";
import { sandboxSpec, SLEEPER, sleeperPid } from "../sandbox/support/sandbox-seam.ts";

jest.setTimeout(120_000);

/*
 * The attack: a command leaves a process behind that its process group kill does not reach
 * (a new session or process group), which then works on while Ferry reads, tests or pushes.
 * Each escape runs `sleep <n>` with its own n, and the command waits a moment so that it
 * surely runs; right after the command returns, no such process may exist, seen from outside.
 */
const ESCAPES: [string, number, string][] = [
  ["setsid", 1001, "setsid sleep 1001 &"],
  ["setsid -f", 1002, "setsid -f sleep 1002"],
  ["nohup", 1003, "nohup sleep 1003 >/dev/null 2>&1 &"],
  ["nohup setsid", 1004, "nohup setsid sleep 1004 >/dev/null 2>&1 &"],
  ["a double fork into a new session", 1005, "( setsid bash -c 'sleep 1005 & exit' & )"],
  ["disown", 1006, "setsid sleep 1006 & disown"],
  ["job control inside the command", 1007, "set -m; sleep 1007 & echo started"],
];

type Probe = (seconds: number) => Promise<boolean>;

function escapeTests(sandbox: () => Sandbox, runs: () => Probe): void {
  test.each(ESCAPES)("a process started with %s is gone when its command returns", async (_how, seconds, command) => {
    const result = await sandbox().exec(`${command}\nsleep 0.3`, { timeoutMs: 10_000 });
    expect(result.exitCode).toBe(0);
    expect(await runs()(seconds)).toBe(false);
  });
}

describeWithDocker("no process outlives its command (Docker)", () => {
  const INSTANCE = "test-security-lingering";
  const TASK = 8282;
  let sandbox: DockerSandbox;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "ferry-lingering-"));
    sandbox = new DockerSandbox({ docker, instance: INSTANCE });
    await sandbox.start(sandboxSpec(workDir, { image: TEST_IMAGE, taskId: TASK }));
  });

  afterAll(async () => {
    await sandbox.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  escapeTests(
    () => sandbox,
    () => (seconds) => containerRuns(INSTANCE, TASK, `sleep ${seconds}`),
  );

  test("a command that kills the shell itself leaves nothing behind either, and the next command runs", async () => {
    const result = await sandbox.exec("setsid sleep 1010 & sleep 0.2; kill -KILL $PPID", { timeoutMs: 10_000 });
    expect(result.exitCode).toBeNull();
    expect(await containerRuns(INSTANCE, TASK, "sleep 1010")).toBe(false);
    expect((await sandbox.exec("echo next", { timeoutMs: 10_000 })).output).toBe("next\n");
  });

  test("the container and its shell survive the sweep", async () => {
    for (let i = 0; i < 3; i++) expect((await sandbox.exec("setsid sleep 1011 & sleep 0.3; echo $((1+1))", { timeoutMs: 10_000 })).output).toBe("2\n");
    expect(await containerRuns(INSTANCE, TASK, "sleep 1011")).toBe(false);
  });
});

const launcher = await namespaceLauncher();
const describeWithNamespace = launcher.prefix ? describe : describe.skip;
if (!launcher.prefix) process.stderr.write(`\n  ⚠ SKIPPED "no process outlives its command (local)": no PID namespace here (${launcher.reason}).\n\n`);

describeWithNamespace("no process outlives its command (local sandbox, in its own PID namespace)", () => {
  let sandbox: LocalSandbox;
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "ferry-lingering-"));
    sandbox = new LocalSandbox();
    await sandbox.start(sandboxSpec(workDir));
  });

  afterAll(async () => {
    await sandbox.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  escapeTests(
    () => sandbox,
    () => async (seconds) => (await processesRunning(["sleep", String(seconds)], workDir)).length > 0,
  );

  test("a process a running command started in a new session does not survive stop()", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ferry-lingering-stop-"));
    const stopped = new LocalSandbox();
    await stopped.start(sandboxSpec(dir));
    const running = stopped.exec(`setsid sleep 1020 & ${SLEEPER}`, { timeoutMs: 900_000 });
    await sleeperPid(dir);
    expect(await processesRunning(["sleep", "1020"], dir)).toHaveLength(1);
    await stopped.stop();
    await running;
    await waitFor("the detached sleep to end", async () => ((await processesRunning(["sleep", "1020"], dir)).length === 0 ? true : undefined), 5000);
    await rm(dir, { recursive: true, force: true });
  });

  test("commands cannot see Ferry's process, nor its environment", async () => {
    const marker = "experimental-vm-modules";
    expect(process.env.NODE_OPTIONS).toContain(marker);
    const result = await sandbox.exec(`grep -l -- ${marker} /proc/[0-9]*/environ 2>/dev/null; echo "pid1=$(cat /proc/1/comm)"`, { timeoutMs: 10_000 });
    expect(result.output).toBe("pid1=bash\n");
  });
});
