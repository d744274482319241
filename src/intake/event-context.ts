import type { Logger } from "pino";
import type { Context } from "probot";
import type { RepoRef } from "../tasks/model.ts";
import type { GitHub } from "../github/platform.ts";
import type { IssueRef } from "../github/ensure-comment.ts";
import { octokitPlatform } from "../github/octokit-platform.ts";
import type { RepositoryPayload, Sender } from "./payloads.ts";

/** What every intake step needs to know about the event it is handling. */
export type EventContext = {
  client: GitHub;
  log: Logger;
  deliveryId: string;
  event: string;
  repo: RepoRef;
  issue: IssueRef;
  /** The issue's (or pull request's) title and body as the event carried them, when it did. */
  issueText?: { title: string; body: string };
  sender: Sender;
};

export function repoRefOf(repository: RepositoryPayload, installationId: number): RepoRef {
  return {
    owner: repository.owner.login,
    name: repository.name,
    installationId,
    cloneUrl: repository.clone_url,
    defaultBranch: repository.default_branch,
  };
}

type IssueEventPayload = {
  repository: RepositoryPayload;
  installation: { id: number };
  issue: { number: number; title?: string | undefined; body?: string | null | undefined };
  sender: Sender;
};

/** GitHub as the event's installation sees it: the platform over the client Probot made for the delivery. */
export const gitHubOf = (context: Context): GitHub => octokitPlatform(context.octokit);

/** The event, reduced to what intake needs, from Probot's context and the parsed payload. */
export function eventContextOf(context: Context, payload: IssueEventPayload): EventContext {
  const repo = repoRefOf(payload.repository, payload.installation.id);
  return {
    client: gitHubOf(context),
    log: context.log,
    deliveryId: context.id,
    event: context.name,
    repo,
    issue: { owner: repo.owner, repo: repo.name, issueNumber: payload.issue.number },
    ...(payload.issue.title !== undefined && { issueText: { title: payload.issue.title, body: payload.issue.body ?? "" } }),
    sender: payload.sender,
  };
}
