import type { Checkout } from "./checkout.ts";
import type { GitOptions, GitOutput } from "./git.ts";
import { runGit } from "./git.ts";

type HostOptions = Omit<GitOptions, "gitDir" | "workTree" | "cwd">;

/**
 * Git on a task's host-only git dir with a directory as its work tree; never on the
 * agent-writable `work/.git`. Only for writing a tree into a directory nothing runs in.
 */
export function hostGit(checkout: Pick<Checkout, "gitDir" | "workDir">, args: readonly string[], options: HostOptions): Promise<GitOutput> {
  return runGit(args, { ...options, gitDir: checkout.gitDir, workTree: checkout.workDir, cwd: checkout.workDir });
}

/**
 * Git on the host git dir's objects and refs alone: the dir is bare and no work tree is given,
 * so nothing in-tree (attributes, `.git` files, ignore rules) is ever read.
 */
export function objectGit(gitDir: string, args: readonly string[], options: HostOptions): Promise<GitOutput> {
  return runGit(args, { ...options, gitDir, cwd: gitDir });
}
