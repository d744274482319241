import { remoteBranchShas } from "../workspace/ls-remote.ts";
import { isValidBranchName } from "../workspace/refs.ts";
import type { LocalRepo } from "./local-repo.ts";

/** The branch the result goes to, and what it must still point at when Ferry pushes (null: it must not exist). */
export type TargetBranch = { name: string; expected: string | null };

const LS_REMOTE_MS = 30_000;

/**
 * Checked before any work starts: a branch of the user's repository is never overwritten
 * unless `--force` says so, and then only if nobody moved it while the agent worked.
 */
export async function claimTargetBranch(repo: LocalRepo, name: string, force: boolean, signal?: AbortSignal): Promise<TargetBranch> {
  if (!(await isValidBranchName(name))) throw new Error(`"${name}" is not a valid branch name: pick another with --branch.`);
  const existing = (await remoteBranchShas([name], { cloneUrl: repo.cloneUrl, timeoutMs: LS_REMOTE_MS, signal })).get(name);
  if (existing === undefined) return { name, expected: null };
  if (force) return { name, expected: existing };
  throw new Error(
    `Branch ${name} already exists in ${repo.path} (at ${existing.slice(0, 12)}) and Ferry does not overwrite it. ` +
      "Name another with --branch <name>, or pass --force to overwrite it.",
  );
}
