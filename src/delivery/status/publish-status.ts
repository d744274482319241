import type { GitHub } from "../../github/platform.ts";
import { ensureComment, type EnsureCommentResult } from "../../github/ensure-comment.ts";
import type { AccountOf } from "../../github/ferry-account.ts";
import { marker } from "../../github/markers.ts";
import type { Task } from "../../tasks/model.ts";
import type { KeyLock } from "./postgres-key-lock.ts";
import { renderStatusComment } from "./status-comment.ts";

/**
 * Creates or edits the task's status comment with `body`; GitHub is not written when it is unchanged.
 * Only a comment of Ferry's own bot is edited: one by anyone else that carries the marker is left alone.
 */
export function writeStatusComment(client: GitHub, task: Task, body: string, accountOf: AccountOf): Promise<EnsureCommentResult> {
  const issue = { owner: task.repo.owner, repo: task.repo.name, issueNumber: task.issueNumber };
  const key = `${issue.owner}/${issue.repo}#${task.id}`;
  const write = () => ensureComment(client, issue, marker(task.id, "status"), body, accountOf);
  return oneAtATime(key, () => (shared ? shared.run(key, write) : write()));
}

/**
 * On PostgreSQL the overlap crosses processes: a server's intake posts the queued comment while a
 * worker, which took the task at once, writes its first edit. Each found no comment and each posted
 * one. start.ts installs a lock every process on the database shares.
 */
let shared: KeyLock | undefined;

export function shareStatusWrites(lock: KeyLock | undefined): void {
  shared = lock;
}

/**
 * A task's status writes, in the order they were asked for. Intake's first comment and the worker's
 * first edit can overlap (the task starts as it is queued): two looks that both found no comment yet
 * would post two.
 */
const writing = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, write: () => Promise<T>): Promise<T> {
  const written = (writing.get(key) ?? Promise.resolve()).then(write);
  const settled = written.catch(() => undefined);
  writing.set(key, settled);
  void settled.then(() => writing.get(key) === settled && writing.delete(key));
  return written;
}

/** The status comment of a task as it is now, without progress or parts: intake's "queued" comment. */
export async function publishStatus(client: GitHub, task: Task, accountOf: AccountOf): Promise<void> {
  await writeStatusComment(client, task, renderStatusComment({ task, parts: [] }), accountOf);
}
