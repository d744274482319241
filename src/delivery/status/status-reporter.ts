import type { Logger } from "pino";
import type { GitHubClient } from "../github/client.ts";
import { ensureComment } from "../github/ensure-comment.ts";
import { marker } from "../github/markers.ts";
import type { Task } from "../tasks/model.ts";
import type { TaskListener } from "../tasks/queue-types.ts";
import { renderStatusComment } from "./status-comment.ts";

export type ClientFor = (installationId: number) => Promise<GitHubClient>;

/** Creates or edits the task's status comment so it shows the task as it is now. */
export async function publishStatus(client: GitHubClient, task: Task): Promise<void> {
  const issue = { owner: task.repo.owner, repo: task.repo.name, issueNumber: task.issueNumber };
  await ensureComment(client, issue, marker(task.id, "status"), renderStatusComment(task));
}

/**
 * A TaskListener that keeps status comments current. Updates of one task run one after
 * another, so two quick state changes can never race into two comments.
 */
export function createStatusReporter(clientFor: ClientFor, log: Logger): TaskListener {
  const chains = new Map<number, Promise<void>>();
  return (task) => {
    const previous = chains.get(task.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        await publishStatus(await clientFor(task.repo.installationId), task);
      } catch (error) {
        log.warn({ err: error, task: task.id }, "could not update the status comment");
      }
    });
    chains.set(task.id, next);
    void next.then(() => {
      if (chains.get(task.id) === next) chains.delete(task.id);
    });
    return next;
  };
}
