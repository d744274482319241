import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runGit } from "./git.ts";
import { pointHeadAt } from "./refs.ts";

export type HostGitDirOptions = {
  gitDir: string;
  workDir: string;
  mirrorDir: string;
  baseSha: string;
  branch: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * The git dir the host uses for everything after the agent ran. The agent can write to
 * `work/.git` (and plant hooks, fsmonitor or filter config there), so the host never uses it:
 * this one lives outside the sandbox, borrows the mirror's objects, and starts from the index
 * checkout just wrote (so the first `add -A` only hashes files the agent touched).
 */
export async function createHostGitDir(options: HostGitDirOptions): Promise<void> {
  const { gitDir, timeoutMs, signal } = options;
  await runGit(["init", "--bare", "--quiet", gitDir], { timeoutMs, signal });
  await writeFile(join(gitDir, "objects", "info", "alternates"), `${join(options.mirrorDir, "objects")}\n`);
  await runGit(["config", "core.bare", "false"], { gitDir, timeoutMs, signal });
  await pointHeadAt(gitDir, options.branch, options.baseSha, { timeoutMs, signal });
  await copyFile(join(options.workDir, ".git", "index"), join(gitDir, "index"));
}
