import { isHeadIn, parsePartBranch } from "../github/ferry-pulls.ts";
import type { GitHub, PullRequest, RepoName } from "../github/platform.ts";

export type AgentPull = { number: number; state: "open" | "closed"; merged: boolean };

/**
 * Ferry's pull requests in a repository, open and closed, by the issue their branch
 * (`agent/issue-<N>/part-<k>`) belongs to. `open` counts open agent pull requests, not
 * issues: a stack of three parts is three pull requests for reviewers, so it counts three.
 */
export type AgentPulls = { byIssue: Map<number, AgentPull[]>; open: number };

/** Lists every pull request (state all) once per sweep; limits are recomputed from GitHub each time. */
export async function listAgentPulls(github: GitHub, where: RepoName): Promise<AgentPulls> {
  return agentPullsOf(await github.listPulls(where, { state: "all" }), where);
}

/** Ferry's pull requests among `pulls`, by issue. */
export function agentPullsOf(pulls: readonly PullRequest[], where: RepoName): AgentPulls {
  const found: AgentPulls = { byIssue: new Map(), open: 0 };
  for (const pull of pulls) {
    const issue = parsePartBranch(pull.head.ref)?.issueNumber;
    // A fork may reuse the branch name; only branches in the repository itself are Ferry's.
    if (issue === undefined || !isHeadIn(pull.head.repoFullName, where)) continue;
    const entry: AgentPull = { number: pull.number, state: pull.state, merged: pull.merged };
    found.byIssue.set(issue, [...(found.byIssue.get(issue) ?? []), entry]);
    if (pull.state === "open") found.open++;
  }
  return found;
}
