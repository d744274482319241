import type { Log } from "../../logger.ts";
import type { GitHubClient } from "../../github/client.ts";
import type { DesiredPull } from "./desired-pull.ts";
import { httpStatusOf } from "../../github/http-status.ts";
import { ListedPull } from "./listed-pull.ts";
import type { PublishRequest } from "./publish-request.ts";

/** Opens a part's pull request and asks the requester to review it. Labels come with the final body. */
export async function openPart(
  client: GitHubClient,
  request: PublishRequest,
  head: string,
  desired: DesiredPull,
  log: Log | undefined,
): Promise<ListedPull> {
  const response = await client.request("POST /repos/{owner}/{repo}/pulls", {
    owner: request.owner,
    repo: request.repo,
    head,
    base: desired.base,
    title: desired.title,
    body: desired.body,
    draft: request.draft,
  });
  const pull = ListedPull.parse(response.data);
  log?.info({ pull: pull.number, head }, "opened a stack part");
  if (request.requester !== undefined) await requestReview(client, request.requester, request, pull.number, log);
  return pull;
}

/**
 * GitHub refuses (422) a reviewer who is not a collaborator or who authored the pull
 * request; the pull request is still worth having, so that is only logged.
 */
async function requestReview(client: GitHubClient, reviewer: string, request: PublishRequest, pullNumber: number, log: Log | undefined): Promise<void> {
  try {
    await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
      owner: request.owner,
      repo: request.repo,
      pull_number: pullNumber,
      reviewers: [reviewer],
    });
  } catch (error) {
    if (httpStatusOf(error) !== 422) throw error;
    log?.warn({ pull: pullNumber, reviewer, err: error }, "GitHub refused the requester as reviewer");
  }
}
