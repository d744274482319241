import { randomBytes } from "node:crypto";
import { chmod, copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checkout } from "./checkout.ts";
import { runGit, type GitOptions, type GitOutput } from "./git.ts";
import { isMissing } from "./is-missing.ts";
import { pointHeadAt } from "./refs.ts";

/*
 * The host's own git dir for a task, and git run on it (never on the agent-writable `work/.git`).
 */

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

export type HostGitDirOptions = {
  /** `host-git/` under the data dir. */
  root: string;
  /** The task directory's file that records the git dir's name. */
  nameFile: string;
  workDir: string;
  mirrorDir: string;
  baseSha: string;
  branch: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * Everything the config file holds. Every other setting reaches host git through the
 * environment of each command (git-env.ts), so there is nothing here to add a filter or hook to.
 */
export const HOST_GIT_CONFIG = "[core]\n\trepositoryformatversion = 0\n\tbare = true\n";

/**
 * The git dir the host uses for everything after the agent ran. The agent can write to
 * `work/.git` (and plant hooks, fsmonitor or filter config there), so the host never uses it:
 * this one lives outside the task directory at a random name (`host-git/<32 hex>`, owner-only),
 * its config file is read-only, it borrows the mirror's objects, and it starts from the index
 * the checkout just wrote (whose stat data lets the snapshot skip files nobody touched).
 */
export async function createHostGitDir(options: HostGitDirOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  await mkdir(options.root, { recursive: true, mode: 0o700 });
  await chmod(options.root, 0o700);
  const name = randomBytes(16).toString("hex");
  // Named first, so a crash right after leaves nothing that removing the task cannot find.
  await writeFile(options.nameFile, `${name}\n`, { mode: 0o600 });
  const gitDir = join(options.root, name);
  await mkdir(gitDir, { mode: 0o700 });
  await runGit(["init", "--bare", "--quiet", "--template=", gitDir], { timeoutMs, signal });
  await writeFile(join(gitDir, "config"), HOST_GIT_CONFIG);
  await chmod(join(gitDir, "config"), 0o444);
  await mkdir(join(gitDir, "objects", "info"), { recursive: true });
  await writeFile(join(gitDir, "objects", "info", "alternates"), alternatesOf(options.mirrorDir));
  await pointHeadAt(gitDir, options.branch, options.baseSha, { timeoutMs, signal });
  await copyFile(join(options.workDir, ".git", "index"), join(gitDir, "index"));
  return gitDir;
}

const alternatesOf = (mirrorDir: string): string => `${join(mirrorDir, "objects")}\n`;

/** The task's host git dir, or undefined when its name file is missing or holds anything but a name Ferry made. */
export async function findHostGitDir(root: string, nameFile: string): Promise<string | undefined> {
  const name = (await readFile(nameFile, "utf8").catch(() => "")).trim();
  return /^[0-9a-f]{32}$/.test(name) ? join(root, name) : undefined;
}

/** Removes the task's host git dir, if it has one. */
export async function removeHostGitDir(root: string, nameFile: string): Promise<void> {
  const gitDir = await findHostGitDir(root, nameFile);
  if (gitDir) await rm(gitDir, { recursive: true, force: true });
}

/** The host git dir's config or alternates are not what Ferry wrote: nothing more runs on it. */
export class HostGitDirTamperedError extends Error {
  override name = "HostGitDirTamperedError";
}

/**
 * Checks, before the host git dir is used after an agent ran, that its config file and
 * alternates are exactly what Ferry wrote and the config is still read-only.
 */
export async function assertHostGitDirIntact(gitDir: string, mirrorDir: string): Promise<void> {
  const config = join(gitDir, "config");
  const [text, alternates, mode] = await Promise.all([
    readFile(config, "utf8").catch(orMissing),
    readFile(join(gitDir, "objects", "info", "alternates"), "utf8").catch(orMissing),
    stat(config).then((info) => info.mode, () => 0o777),
  ]);
  if (text !== HOST_GIT_CONFIG || (mode & 0o222) !== 0) throw new HostGitDirTamperedError(`The host git dir's config (${config}) was changed; Ferry stops here.`);
  if (alternates !== alternatesOf(mirrorDir)) throw new HostGitDirTamperedError(`The host git dir's alternates (${gitDir}) were changed; Ferry stops here.`);
}

function orMissing(error: unknown): string {
  if (isMissing(error)) return "";
  throw error;
}
