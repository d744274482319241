import { execa } from "execa";
import { redact } from "../policy/secret-ranges.ts";
import { authConfig, authSecrets, gitEnvironment, type GitConfigEntry } from "./git-env.ts";

/*
 * Every git process the host runs: its environment (git-env.ts), its deadline, and what a
 * failure looks like. Nothing else starts git.
 */

/** How long one git process may run before it is killed. */
export type GitTimeouts = {
  /** Creating and fetching a mirror, listing remote branches. */
  fetchMs: number;
  pushMs: number;
  /** Everything on local disk: checkout, add, diff, commit. */
  localMs: number;
};

export const DEFAULT_GIT_TIMEOUTS: GitTimeouts = { fetchMs: 10 * 60_000, pushMs: 2 * 60_000, localMs: 5 * 60_000 };

/** How long a git call may take, and what cancels it. */
export type GitDeadline = { timeoutMs: number; signal?: AbortSignal };

export type GitOptions = GitDeadline & {
  /** Run with this git dir (`--git-dir`), and this work tree (`--work-tree`) when given. */
  gitDir?: string;
  workTree?: string;
  cwd?: string;
  /** An installation token, sent as an HTTP header by this one call only. */
  token?: string;
  config?: readonly GitConfigEntry[];
  /** Extra environment, e.g. the author identity. */
  env?: Record<string, string>;
  input?: string | Uint8Array;
  /** `latin1` keeps every byte of the output as one character (blob contents, binary included). */
  encoding?: "utf8" | "latin1";
  /** Exit codes besides 0 that are answers, not failures (`diff --quiet` exits 1 on a difference). */
  okExitCodes?: readonly number[];
};

export type GitOutput = { stdout: string; stderr: string; exitCode: number };

/** Runs one git command with a minimal environment and a deadline; any failure becomes a redacted GitError. */
export async function runGit(args: readonly string[], options: GitOptions): Promise<GitOutput> {
  const secrets = options.token ? authSecrets(options.token) : [];
  const config = [...(options.token ? authConfig(options.token) : []), ...(options.config ?? [])];
  const location = [
    ...(options.gitDir ? [`--git-dir=${options.gitDir}`] : []),
    ...(options.workTree ? [`--work-tree=${options.workTree}`] : []),
  ];
  const command = args[0] ?? "git";
  if (options.signal?.aborted) throw new GitError(`git ${command} was cancelled`, { command, failure: "cancelled" });
  const subprocess = execa("git", [...location, ...args], {
    cwd: options.cwd,
    env: gitEnvironment(config, options.env),
    extendEnv: false,
    input: options.input ?? "",
    encoding: options.encoding ?? "utf8",
    // Its own process group, so a deadline can stop git together with its remote helpers.
    detached: true,
    stripFinalNewline: false,
    reject: false,
  });
  const deadline = enforceDeadline(subprocess, options.timeoutMs, options.signal);
  const result = await subprocess.finally(() => deadline.dispose());
  const stdout = redact(result.stdout, secrets);
  const stderr = redact(result.stderr, secrets);
  if (deadline.stoppedBy() === "timed-out") {
    throw new GitError(`git ${command} did not finish within ${formatDuration(options.timeoutMs)} and was stopped`, {
      command,
      failure: "timed-out",
      stderr,
    });
  }
  if (deadline.stoppedBy() === "cancelled") throw new GitError(`git ${command} was cancelled`, { command, failure: "cancelled", stderr });
  const exitCode = result.exitCode;
  if (exitCode === 0 || (exitCode !== undefined && options.okExitCodes?.includes(exitCode))) return { stdout, stderr, exitCode };
  const why = stderr.trim() || redact(result.originalMessage ?? "", secrets) || `exit code ${exitCode ?? "unknown"}`;
  throw new GitError(`git ${command} failed: ${lastLines(why)}`, { command, failure: "failed", exitCode, stderr });
}

/** Git's last few lines say what went wrong; the progress before them does not. */
function lastLines(text: string, count = 5): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

function formatDuration(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export type GitFailure = "failed" | "timed-out" | "cancelled";

/** A git command that failed, timed out or was cancelled; message and output are already redacted. */
export class GitError extends Error {
  override name = "GitError";
  /** The git subcommand, e.g. `fetch`. */
  readonly command: string;
  readonly failure: GitFailure;
  readonly exitCode: number | undefined;
  readonly stderr: string;

  constructor(message: string, details: { command: string; failure: GitFailure; exitCode?: number; stderr?: string }) {
    super(message);
    this.command = details.command;
    this.failure = details.failure;
    this.exitCode = details.exitCode;
    this.stderr = details.stderr ?? "";
  }
}

type Stop = "timed-out" | "cancelled";

/** How long a stopped git gets to remove its lock files before it is killed. */
const GRACE_MS = 2000;

/**
 * Stops a child started in its own process group when the deadline passes or the signal
 * aborts. The whole group goes: git's remote helpers (git-remote-https) would otherwise
 * outlive it and keep its output pipes, and the caller, waiting.
 */
function enforceDeadline(child: { readonly pid?: number | undefined }, timeoutMs: number, signal: AbortSignal | undefined) {
  let stoppedBy: Stop | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (why: Stop): void => {
    if (stoppedBy) return;
    stoppedBy = why;
    signalGroup(child, "SIGTERM");
    killTimer = setTimeout(() => signalGroup(child, "SIGKILL"), GRACE_MS);
  };
  const timer = setTimeout(() => stop("timed-out"), timeoutMs);
  const onAbort = (): void => stop("cancelled");
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) onAbort();
  return {
    stoppedBy: (): Stop | undefined => stoppedBy,
    dispose(): void {
      clearTimeout(timer);
      clearTimeout(killTimer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}

function signalGroup(child: { readonly pid?: number | undefined }, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
