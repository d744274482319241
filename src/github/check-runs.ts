import { z } from "zod";
import type { GitHubClient } from "./client.ts";

export const CHECK_NAME = "Ferry";

const Ref = z.object({ object: z.object({ sha: z.string() }) });

/** The commit a branch points at, so config problems can be reported as a check on it. */
export async function branchHeadSha(client: GitHubClient, owner: string, repo: string, branch: string): Promise<string> {
  const response = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `heads/${branch}` });
  return Ref.parse(response.data).object.sha;
}

export type FailedCheck = { owner: string; repo: string; headSha: string; title: string; summary: string };

/** A completed, failed check run, so an invalid config is visible where CI results are. */
export async function reportFailedCheck(client: GitHubClient, check: FailedCheck): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: check.owner,
    repo: check.repo,
    name: CHECK_NAME,
    head_sha: check.headSha,
    status: "completed",
    conclusion: "failure",
    output: { title: check.title, summary: check.summary },
  });
}
