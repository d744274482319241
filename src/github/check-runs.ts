import type { GitHub } from "./platform.ts";

export const CHECK_NAME = "Ferry";

/** The commit a branch points at, so config problems can be reported as a check on it. */
export async function branchHeadSha(github: GitHub, owner: string, repo: string, branch: string): Promise<string> {
  return github.branchHeadSha({ owner, repo }, branch);
}

export type FailedCheck = { owner: string; repo: string; headSha: string; title: string; summary: string };

/** A completed, failed check run, so an invalid config is visible where CI results are. */
export async function reportFailedCheck(github: GitHub, check: FailedCheck): Promise<void> {
  const where = { owner: check.owner, repo: check.repo };
  await github.createCheckRun(where, check.headSha, { name: CHECK_NAME, conclusion: "failure", title: check.title, summary: check.summary });
}
