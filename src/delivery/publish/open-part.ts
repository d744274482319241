import type { Log } from "../../logger.ts";
import type { GitHub, PullRequest } from "../../github/platform.ts";
import type { DesiredPull } from "./desired-pull.ts";
import type { PublishRequest } from "./publish-request.ts";

/**
 * Opens a part's pull request and asks the requester to review it. Labels come with the final
 * body. GitHub refuses a reviewer who is not a collaborator or who authored the pull request;
 * the pull request is still worth having, so that is only logged.
 */
export async function openPart(github: GitHub, request: PublishRequest, head: string, desired: DesiredPull, log: Log | undefined): Promise<PullRequest> {
  const where = { owner: request.owner, repo: request.repo };
  const pull = await github.createPull(where, { head, base: desired.base, title: desired.title, body: desired.body, draft: request.draft });
  log?.info({ pull: pull.number, head }, "opened a stack part");
  if (request.requester === undefined) return pull;
  const asked = await github.requestReviewers({ ...where, pull: pull.number }, [request.requester]);
  if (asked.kind === "refused") log?.warn({ pull: pull.number, reviewer: request.requester, error: asked.reason }, "GitHub refused the requester as reviewer");
  return pull;
}
