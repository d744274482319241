import { afterEach, expect, test } from "@jest/globals";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { namespaceLauncher } from "../../src/sandbox/local/pid-namespace.ts";
import { ShellSession } from "../../src/sandbox/shell/shell-session.ts";

const launcher = await namespaceLauncher();
const inNamespace = launcher.prefix ? test : test.skip;
if (!launcher.prefix) process.stderr.write(`\n  ⚠ SKIPPED the as-init sweep guard test: no PID namespace here (${launcher.reason}).\n\n`);

let child: ChildProcessWithoutNullStreams | undefined;
let dir: string | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Run anywhere but as init of its own namespace, `kill -1` would kill every process of the user
// (as root: of the machine). Tried where that is harmless: a namespace whose PID 1 is another bash.
inNamespace("the as-init sweep does nothing when the shell is not PID 1", async () => {
  dir = await mkdtemp(join(tmpdir(), "ferry-sweep-"));
  const [command, ...args] = [...(launcher.prefix ?? []), "bash", "-c", "bash --noprofile --norc || true"];
  child = spawn(command, args, { cwd: dir, stdio: "pipe" });
  const shell = new ShellSession({
    streams: { stdin: child.stdin, output: child.stdout },
    pidFile: join(dir, "command.pid"),
    killCommand: async () => false,
    outputLimitBytes: 4096,
    oomProbe: false,
    sweep: "as-init",
  });
  await shell.exec("setsid sleep 1040 &\nsleep 0.3", { timeoutMs: 10_000 });
  const seen = await shell.exec("echo $PPID; for p in /proc/[0-9]*; do [ \"$(tr '\\0' ' ' < $p/cmdline)\" = 'sleep 1040 ' ] && echo sleeping; done", { timeoutMs: 10_000 });
  expect(seen.output).toBe("2\nsleeping\n");
});
