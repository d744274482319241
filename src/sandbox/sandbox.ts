import type { SandboxFiles } from "./sandbox-files.ts";

/** Resource limits of one sandbox. */
export type SandboxLimits = {
  memoryMb: number;
  cpus: number;
  pids: number;
};

/** What a sandbox is started with. */
export type SandboxSpec = {
  taskId: number;
  /** The task checkout on the host: the only writable place, `/workspace` inside a container. */
  workDir: string;
  /** Host paths the checkout needs read-only at the same path (the mirror its `.git` borrows objects from). */
  readOnlyPaths?: string[];
  /** Image for container sandboxes; ignored by the local one. */
  image: string;
  /** Whether the sandbox starts with network (the setup phase) or without (the agent phase). */
  network: boolean;
  limits: SandboxLimits;
  /** Output kept per command; beyond it the head and tail are kept and the middle is cut. */
  outputLimitBytes?: number;
};

export type ExecOptions = {
  timeoutMs: number;
  /** Aborting kills the running command; `exec` then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Output kept for this command instead of the sandbox's `outputLimitBytes` (the test runs Ferry parses). */
  outputLimitBytes?: number;
};

export type ExecResult = {
  /** The command's exit code; null when the shell itself ended before the command did. */
  exitCode: number | null;
  /** stdout and stderr interleaved, head and tail kept when it exceeded the limit. */
  output: string;
  truncated: boolean;
  timedOut: boolean;
  /** The kernel killed a process of the command for using more memory than the sandbox allows. */
  oomKilled: boolean;
  durationMs: number;
};

export type StartOptions = {
  /** Aborting ends a start still under way (an image pull, say) with the signal's reason; call `stop` after. */
  signal?: AbortSignal;
};

/** Where the agent's commands run. One sandbox per task; `exec` calls run one at a time, in order. */
export interface Sandbox {
  readonly kind: "docker" | "local";
  start(spec: SandboxSpec, options?: StartOptions): Promise<void>;
  /**
   * Runs a command in the workspace. When it ends, nothing it started is left running: its
   * process group is killed, and so is every other process of the sandbox but the shell
   * (`setsid`, `nohup`, double forks), where the sandbox can tell them apart (see each kind).
   */
  exec(command: string, options: ExecOptions): Promise<ExecResult>;
  /** The workspace's files, read and written inside the sandbox, queued with the commands. */
  readonly files: SandboxFiles;
  /** Connects or disconnects the network; disconnecting is verified from inside. */
  setNetwork(enabled: boolean): Promise<void>;
  /** Ends every process and removes the container; safe to call twice or before start. */
  stop(): Promise<void>;
}

/** Makes a fresh, unstarted sandbox for a task. */
export type SandboxFactory = () => Sandbox;

/** Where inside the sandbox the checkout is found. */
export const WORKSPACE_PATH = "/workspace";
export const DEFAULT_OUTPUT_LIMIT_BYTES = 32 * 1024;
