import { runGit, type GitDeadline } from "./git.ts";

/** A branch name git accepts and no command can mistake for an option. */
export async function isValidBranchName(name: string): Promise<boolean> {
  if (name.startsWith("-") || name.length > 200) return false;
  const result = await runGit(["check-ref-format", `refs/heads/${name}`], { timeoutMs: 10_000, okExitCodes: [1] });
  return result.exitCode === 0;
}

/** The commit a branch points at in a repository, or undefined when there is no such branch. */
export async function branchSha(gitDir: string, branch: string, timeoutMs: number): Promise<string | undefined> {
  const result = await runGit(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], {
    gitDir,
    timeoutMs,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** Makes `branch` point at `sha` and checks it out as HEAD (refs only; the tree is left alone). */
export async function pointHeadAt(gitDir: string, branch: string, sha: string, deadline: GitDeadline): Promise<void> {
  await runGit(["update-ref", `refs/heads/${branch}`, sha], { ...deadline, gitDir });
  await runGit(["symbolic-ref", "HEAD", `refs/heads/${branch}`], { ...deadline, gitDir });
}
