import { isHeadIn, parsePartBranch } from "../../github/ferry-pulls.ts";
import { carriesFerryMarker } from "../../github/markers.ts";
import type { GitHub, PullRequest, RepoName } from "../../github/platform.ts";

/**
 * The open pull requests Ferry opened for the issue's stack, by 1-based part index: head
 * `agent/issue-<N>/part-<k>` in this repository and a Ferry marker in the body. Found on
 * GitHub each time, so a lost store or a crashed delivery never leads to duplicates.
 */
export async function findStackPulls(github: GitHub, where: RepoName, issueNumber: number): Promise<Map<number, PullRequest>> {
  const byIndex = new Map<number, PullRequest>();
  const pulls = (await github.listPulls(where, { state: "open" })).sort((a, b) => a.number - b.number);
  for (const pull of pulls) {
    const part = parsePartBranch(pull.head.ref);
    if (part?.issueNumber !== issueNumber || !isHeadIn(pull.head.repoFullName, where) || !carriesFerryMarker(pull.body)) continue;
    if (!byIndex.has(part.index)) byIndex.set(part.index, pull);
  }
  return byIndex;
}
