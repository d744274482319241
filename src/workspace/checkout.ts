import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { runGit } from "./git.ts";
import { createHostGitDir } from "./host-git-dir.ts";
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
  /** The host-only git dir; never mounted into the sandbox. */
  gitDir: string;
  mirrorDir: string;
  /** Mount these read-only at the same absolute path, so `git log` works inside the sandbox. */
  readOnlyPaths: string[];
};

export type CreateCheckoutOptions = {
  taskId: string;
  dirs: TaskDirs;
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
 * host-only git dir beside it. Leftovers of an earlier attempt at the same task are replaced.
 */
export async function createCheckout(options: CreateCheckoutOptions): Promise<Checkout> {
  const { dirs, mirrorDir, baseSha, branch, timeoutMs, signal } = options;
  await rm(dirs.root, { recursive: true, force: true });
  await mkdir(dirs.root, { recursive: true });
  await runGit(["clone", "--shared", "--no-checkout", "--quiet", mirrorDir, dirs.work], { timeoutMs, signal });
  // The agent's .git is still ours at this point: nothing has run in the sandbox yet.
  await runGit(["checkout", "--quiet", "-b", branch, baseSha], {
    gitDir: join(dirs.work, ".git"),
    workTree: dirs.work,
    timeoutMs,
    signal,
  });
  await createHostGitDir({ gitDir: dirs.git, workDir: dirs.work, mirrorDir, baseSha, branch, timeoutMs, signal });
  return checkoutOf(options);
}

/** The record a caller gets for a checkout made (or reused) from these options. */
export function checkoutOf(options: CreateCheckoutOptions): Checkout {
  const { dirs, mirrorDir } = options;
  return {
    taskId: options.taskId,
    repo: options.repo,
    branch: options.branch,
    base: options.base,
    baseSha: options.baseSha,
    workDir: dirs.work,
    gitDir: dirs.git,
    mirrorDir,
    readOnlyPaths: [mirrorDir],
  };
}
