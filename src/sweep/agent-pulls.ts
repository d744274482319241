import { z } from "zod";
import { allPages } from "../github/all-pages.ts";
import type { GitHubClient, RepoName } from "../github/client.ts";
import { isFromRepo, parsePartBranch } from "../github/ferry-pulls.ts";

const Pull = z.object({
  number: z.number().int().positive(),
  state: z.enum(["open", "closed"]),
  merged_at: z.string().nullable(),
  head: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
});

export type AgentPull = { number: number; state: "open" | "closed"; merged: boolean };

/**
 * Ferry's pull requests in a repository, open and closed, by the issue their branch
 * (`agent/issue-<N>/part-<k>`) belongs to. `open` counts open agent pull requests, not
 * issues: a stack of three parts is three pull requests for reviewers, so it counts three.
 */
export type AgentPulls = { byIssue: Map<number, AgentPull[]>; open: number };


/** Lists every pull request (state all) once per sweep; limits are recomputed from GitHub each time. */
export async function listAgentPulls(client: GitHubClient, where: RepoName): Promise<AgentPulls> {
  const pulls = await allPages(z.unknown(), (page) =>
    client.request("GET /repos/{owner}/{repo}/pulls", { owner: where.owner, repo: where.repo, state: "all", ...page }),
  );
  return agentPullsOf(pulls, where);
}

/** Ferry's pull requests among `pulls` (as GitHub lists them), by issue. */
export function agentPullsOf(pulls: readonly unknown[], where: RepoName): AgentPulls {
  const found: AgentPulls = { byIssue: new Map(), open: 0 };
  for (const pull of z.array(Pull).parse(pulls)) {
    const issue = parsePartBranch(pull.head.ref)?.issueNumber;
    // A fork may reuse the branch name; only branches in the repository itself are Ferry's.
    if (issue === undefined || !isFromRepo(pull, where)) continue;
    const entry: AgentPull = { number: pull.number, state: pull.state, merged: pull.merged_at !== null };
    found.byIssue.set(issue, [...(found.byIssue.get(issue) ?? []), entry]);
    if (pull.state === "open") found.open++;
  }
  return found;
}
