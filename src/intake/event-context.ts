import type { Logger } from "pino";
import type { RepoRef } from "../tasks/model.ts";
import type { GitHubClient } from "../github/client.ts";
import type { IssueRef } from "../github/ensure-comment.ts";
import type { RepositoryPayload, Sender } from "./payloads.ts";

/** What every intake step needs to know about the event it is handling. */
export type EventContext = {
  client: GitHubClient;
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
