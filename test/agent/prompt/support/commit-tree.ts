import { execa } from "execa";
import { join } from "node:path";
import type { TrustedCommit } from "../../../../src/agent/prompt/instructions.ts";

export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Fixture",
  GIT_AUTHOR_EMAIL: "fixture@example.com",
  GIT_COMMITTER_NAME: "Fixture",
  GIT_COMMITTER_EMAIL: "fixture@example.com",
};

/** Commits everything in `root` (links as links) to a repository there; its `.git` and the commit, as instructions are read from. */
export async function commitTree(root: string): Promise<TrustedCommit> {
  const git = (args: string[]) => execa("git", args, { cwd: root, env: GIT_ENV });
  await git(["init", "--quiet", "--initial-branch=main"]);
  await git(["add", "--all"]);
  await git(["commit", "--quiet", "--allow-empty", "-m", "trusted"]);
  const { stdout } = await git(["rev-parse", "HEAD"]);
  return { gitDir: join(root, ".git"), commit: stdout.trim() };
}
