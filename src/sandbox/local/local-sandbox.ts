import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "../../logger.ts";
import { COMMAND_ENV } from "../command-env.ts";
import { DEFAULT_OUTPUT_LIMIT_BYTES, type ExecOptions, type ExecResult, type Sandbox, type SandboxSpec } from "../sandbox.ts";
import { SandboxError } from "../sandbox-error.ts";
import { ShellSession } from "../shell/shell-session.ts";

const PID_FILE = "command.pid";

/**
 * Runs commands on this machine, in the checkout, through the same persistent shell as the
 * container. No isolation at all: no network control, no limits. For development only.
 */
export class LocalSandbox implements Sandbox {
  readonly kind = "local";
  readonly #log: Log | undefined;
  #spec: SandboxSpec | undefined;
  #stateDir: string | undefined;
  #child: ChildProcessWithoutNullStreams | undefined;
  #shell: ShellSession | undefined;

  constructor(options: { log?: Log } = {}) {
    this.#log = options.log;
  }

  async start(spec: SandboxSpec): Promise<void> {
    this.#log?.warn({ task: spec.taskId }, "Local sandbox: commands run on this machine with no isolation, network control or limits");
    this.#spec = spec;
    this.#stateDir = await mkdtemp(join(tmpdir(), "ferry-shell-"));
  }

  async exec(command: string, options: ExecOptions): Promise<ExecResult> {
    return this.#session().exec(command, options);
  }

  async setNetwork(enabled: boolean): Promise<void> {
    if (!enabled) this.#log?.warn({ task: this.#spec?.taskId }, "Local sandbox: the network cannot be disconnected");
  }

  async stop(): Promise<void> {
    // The command runs in a process group of its own: killing the shell would leave it running.
    if (this.#stateDir) await killGroup(join(this.#stateDir, PID_FILE));
    this.#shell?.close();
    this.#child?.kill("SIGKILL");
    this.#shell = undefined;
    this.#child = undefined;
    if (this.#stateDir) await rm(this.#stateDir, { recursive: true, force: true });
    this.#stateDir = undefined;
  }

  #session(): ShellSession {
    if (this.#shell?.alive) return this.#shell;
    const spec = this.#spec;
    const stateDir = this.#stateDir;
    if (!spec || !stateDir) throw new SandboxError("The sandbox was not started.");
    const env = { ...COMMAND_ENV, PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? stateDir };
    const child = spawn("bash", ["--noprofile", "--norc"], { cwd: spec.workDir, env, stdio: "pipe" });
    child.stderr.resume();
    const pidFile = join(stateDir, PID_FILE);
    this.#child = child;
    this.#shell = new ShellSession({
      streams: { stdin: child.stdin, output: child.stdout },
      pidFile,
      killCommand: () => killGroup(pidFile),
      outputLimitBytes: spec.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES,
      oomProbe: false,
    });
    return this.#shell;
  }
}

async function killGroup(pidFile: string): Promise<boolean> {
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  return true;
}
