import type { Context } from "probot";
import { repoRefOf, type EventContext } from "../event-context.ts";
import type { RepositoryPayload, Sender } from "../payloads.ts";

type IssueEventPayload = {
  repository: RepositoryPayload;
  installation: { id: number };
  issue: { number: number; title?: string | undefined; body?: string | null | undefined };
  sender: Sender;
};

/** The event, reduced to what intake needs, from Probot's context and the parsed payload. */
export function eventContextOf(context: Context, payload: IssueEventPayload): EventContext {
  const repo = repoRefOf(payload.repository, payload.installation.id);
  return {
    client: context.octokit,
    log: context.log,
    deliveryId: context.id,
    event: context.name,
    repo,
    issue: { owner: repo.owner, repo: repo.name, issueNumber: payload.issue.number },
    ...(payload.issue.title !== undefined && { issueText: { title: payload.issue.title, body: payload.issue.body ?? "" } }),
    sender: payload.sender,
  };
}
