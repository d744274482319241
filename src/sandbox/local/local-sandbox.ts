import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "../../logger.ts";
import { COMMAND_ENV } from "../command-env.ts";
import { DEFAULT_OUTPUT_LIMIT_BYTES, type ExecOptions, type ExecResult, type Sandbox, type SandboxSpec } from "../sandbox.ts";
import { SandboxError } from "../sandbox-error.ts";
import { shellFiles, type SandboxFiles } from "../sandbox-files.ts";
import { ShellSession } from "../shell/shell-session.ts";
import { childOf, killNamespaceMembers, namespaceLauncher, type NamespaceLauncher } from "./pid-namespace.ts";

const PID_FILE = "command.pid";

/**
 * Runs commands on this machine, in the checkout, through the same persistent shell as the
 * container. Not isolated: no network control, no limits, the user's own files. For
 * development only. Where `unshare` allows, the shell is PID 1 of a PID namespace of its own,
 * so nothing a command starts outlives it or `stop()`, and commands cannot see Ferry's
 * process; otherwise only the command's process group is killed, and a warning says so.
 * Commands get COMMAND_ENV, this machine's PATH and a fresh empty HOME.
 */
export class LocalSandbox implements Sandbox {
  readonly kind = "local";
  readonly #log: Log | undefined;
  #spec: SandboxSpec | undefined;
  #launcher: NamespaceLauncher | undefined;
  #stateDir: string | undefined;
  #home: string | undefined;
  #child: ChildProcessWithoutNullStreams | undefined;
  /** This machine's pid of the namespaced shell (PID 1 inside). */
  #init: number | undefined;
  #shell: ShellSession | undefined;
  readonly files: SandboxFiles = shellFiles(() => this.#session());

  readonly #findLauncher: () => Promise<NamespaceLauncher>;

  /** `launcher` is for tests: how to start a namespaced shell, or why not (default: probe this machine). */
  constructor(options: { log?: Log; launcher?: () => Promise<NamespaceLauncher> } = {}) {
    this.#log = options.log;
    this.#findLauncher = options.launcher ?? namespaceLauncher;
  }

  async start(spec: SandboxSpec): Promise<void> {
    this.#log?.warn({ task: spec.taskId }, "Local sandbox: commands run on this machine with no isolation, network control or limits");
    this.#launcher = await this.#findLauncher();
    if (this.#launcher.prefix === undefined) {
      this.#log?.warn(
        { task: spec.taskId, reason: this.#launcher.reason },
        "Local sandbox: no PID namespace (unshare failed), so a process a command moves out of its process group (setsid, double fork) can outlive the command",
      );
    }
    this.#spec = spec;
    this.#stateDir = await mkdtemp(join(tmpdir(), "ferry-shell-"));
    this.#home = await mkdtemp(join(tmpdir(), "ferry-home-"));
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    return (await this.#session()).exec(command, options);
  }

  async setNetwork(enabled: boolean): Promise<void> {
    if (!enabled) this.#log?.warn({ task: this.#spec?.taskId }, "Local sandbox: the network cannot be disconnected");
  }

  async stop(): Promise<void> {
    // First the shell, so a running command reports that it ended with it.
    this.#shell?.close();
    // Killing the shell alone would leave the command running: it has a process group of its own.
    if (this.#init !== undefined) await killNamespaceMembers(this.#init);
    else if (this.#stateDir) await killGroup(join(this.#stateDir, PID_FILE));
    this.#child?.kill("SIGKILL");
    // The namespace's init: when it dies, the kernel kills whatever is left inside.
    if (this.#init !== undefined) kill(this.#init);
    this.#shell = undefined;
    this.#child = undefined;
    this.#init = undefined;
    for (const dir of [this.#stateDir, this.#home]) if (dir) await rm(dir, { recursive: true, force: true });
    this.#stateDir = undefined;
    this.#home = undefined;
  }

  async #session(): Promise<ShellSession> {
    if (this.#shell?.alive) return this.#shell;
    const spec = this.#spec;
    const stateDir = this.#stateDir;
    const prefix = this.#launcher?.prefix;
    if (!spec || !stateDir || !this.#home) throw new SandboxError("The sandbox was not started.");
    const env = { ...COMMAND_ENV, PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: this.#home };
    const [command, ...args] = [...(prefix ?? []), "bash", "--noprofile", "--norc"];
    const child = spawn(command, args, { cwd: spec.workDir, env, stdio: "pipe" });
    child.stderr.resume();
    this.#child = child;
    const init = prefix ? await namespaceInit(child) : undefined;
    this.#init = init;
    const pidFile = join(stateDir, PID_FILE);
    this.#shell = new ShellSession({
      streams: { stdin: child.stdin, output: child.stdout },
      // Inside the namespace the pid file holds the namespace's pids, which mean nothing out here.
      pidFile,
      killCommand: init !== undefined ? () => killNamespaceMembers(init) : () => killGroup(pidFile),
      outputLimitBytes: spec.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES,
      oomProbe: false,
      sweep: init !== undefined ? "as-init" : "none",
    });
    return this.#shell;
  }
}

/** The shell `unshare` forked as the namespace's init, once it exists. */
async function namespaceInit(child: ChildProcessWithoutNullStreams): Promise<number> {
  for (let waited = 0; waited < 5000 && child.exitCode === null && child.pid !== undefined; waited += 10) {
    const init = await childOf(child.pid);
    if (init !== undefined) return init;
    await sleep(10);
  }
  child.kill("SIGKILL");
  throw new SandboxError("The local sandbox's shell did not start in its PID namespace (unshare).");
}

async function killGroup(pidFile: string): Promise<boolean> {
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  kill(-pid);
  return true;
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
