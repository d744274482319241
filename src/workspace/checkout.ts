import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { runGit } from "./git.ts";
import { createHostGitDir, removeHostGitDir } from "./host-git.ts";
import type { TaskDirs } from "./layout.ts";
import type { WorkspaceRepo } from "./repo-ref.ts";

/** A task's working copy: what the sandbox mounts, and what the host diffs, commits and pushes from. */
export type Checkout = {
  taskId: string;
  repo: WorkspaceRepo;
  /** The task branch, e.g. `agent/issue-12`. */
  branch: string;
  /** The base branch and the commit it pointed at when the checkout was made. */
  base: string;
  baseSha: string;
  /** The working tree the agent edits (with its own `.git`, borrowing the mirror's objects). */
  workDir: string;
  /** The host-only git dir (`host-git/<random>`); never mounted into a sandbox. */
  gitDir: string;
  /** Where Ferry checks out the frozen change for its own checks, apart from the agent's tree. */
  verifyDir: string;
  mirrorDir: string;
  /** Mount these read-only at the same absolute path, so `git log` works inside the sandbox. */
  readOnlyPaths: string[];
};

export type CreateCheckoutOptions = {
  taskId: string;
  dirs: TaskDirs;
  /** `host-git/` under the data dir. */
  hostGitRoot: string;
  repo: WorkspaceRepo;
  mirrorDir: string;
  base: string;
  baseSha: string;
  branch: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * Makes `work/` a `--shared` clone of the mirror on the task branch at the base commit, and the
 * task's host-only git dir. Leftovers of an earlier attempt at the same task are replaced.
 */
export async function createCheckout(options: CreateCheckoutOptions): Promise<Checkout> {
  const { dirs, mirrorDir, baseSha, branch, timeoutMs, signal } = options;
  await removeTaskDirs(options.hostGitRoot, dirs);
  await mkdir(dirs.root, { recursive: true, mode: 0o700 });
  await runGit(["clone", "--shared", "--no-checkout", "--quiet", mirrorDir, dirs.work], { timeoutMs, signal });
  // The agent's .git is still ours at this point: nothing has run in the sandbox yet.
  await runGit(["checkout", "--quiet", "-b", branch, baseSha], {
    gitDir: join(dirs.work, ".git"),
    workTree: dirs.work,
    timeoutMs,
    signal,
  });
  const gitDir = await createHostGitDir({ root: options.hostGitRoot, nameFile: dirs.hostGitName, workDir: dirs.work, mirrorDir, baseSha, branch, timeoutMs, signal });
  return checkoutOf(options, gitDir);
}

/** Removes a task directory and the host git dir it names. */
export async function removeTaskDirs(hostGitRoot: string, dirs: Pick<TaskDirs, "root" | "hostGitName">): Promise<void> {
  await removeHostGitDir(hostGitRoot, dirs.hostGitName);
  await rm(dirs.root, { recursive: true, force: true });
}

/** The record a caller gets for a checkout made (or reused) from these options. */
export function checkoutOf(options: CreateCheckoutOptions, gitDir: string): Checkout {
  const { dirs, mirrorDir } = options;
  return {
    taskId: options.taskId,
    repo: options.repo,
    branch: options.branch,
    base: options.base,
    baseSha: options.baseSha,
    workDir: dirs.work,
    gitDir,
    verifyDir: dirs.verify,
    mirrorDir,
    readOnlyPaths: [mirrorDir],
  };
}
