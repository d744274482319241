import type { Checkout } from "./checkout.ts";
import type { GitDeadline, GitOptions, GitOutput } from "./git.ts";
import { runGit } from "./git.ts";

/** Git on a task's host-only git dir and its working tree; never on the agent-writable `work/.git`. */
export function hostGit(
  checkout: Pick<Checkout, "gitDir" | "workDir">,
  args: readonly string[],
  options: Omit<GitOptions, "gitDir" | "workTree" | "cwd">,
): Promise<GitOutput> {
  return runGit(args, { ...options, gitDir: checkout.gitDir, workTree: checkout.workDir, cwd: checkout.workDir });
}

/** Records the working tree as it is now (additions, edits, deletions) in the host index. */
export async function stageAll(checkout: Pick<Checkout, "gitDir" | "workDir">, options: GitDeadline): Promise<void> {
  await hostGit(checkout, ["add", "--all", "--", "."], options);
}
