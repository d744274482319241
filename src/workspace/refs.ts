import { runGit } from "./git.ts";

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
