import type { GitHubClient } from "../../github/client.ts";
import { isFromRepo, parsePartBranch } from "../../github/ferry-pulls.ts";
import { carriesFerryMarker } from "../../github/markers.ts";
import { listOpenPulls, type ListedPull, type RepoName } from "./listed-pull.ts";

/**
 * The open pull requests Ferry opened for the issue's stack, by 1-based part index: head
 * `agent/issue-<N>/part-<k>` in this repository and a Ferry marker in the body. Found on
 * GitHub each time, so a lost store or a crashed delivery never leads to duplicates.
 */
export async function findStackPulls(client: GitHubClient, where: RepoName, issueNumber: number): Promise<Map<number, ListedPull>> {
  const byIndex = new Map<number, ListedPull>();
  const pulls = (await listOpenPulls(client, where)).sort((a, b) => a.number - b.number);
  for (const pull of pulls) {
    const part = parsePartBranch(pull.head.ref);
    if (part?.issueNumber !== issueNumber || !isFromRepo(pull, where) || !carriesFerryMarker(pull.body)) continue;
    if (!byIndex.has(part.index)) byIndex.set(part.index, pull);
  }
  return byIndex;
}
