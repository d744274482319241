import type { GitHub } from "../github/platform.ts";
import type { AccountOf } from "../github/ferry-account.ts";
import { enqueueIssueTask } from "../intake/intake.ts";
import { reactSeen } from "../github/reactions.ts";
import { errorMessage } from "../error-message.ts";
import type { RepoRef, Task } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";
import type { PickedIssue, SkippedIssue } from "./sweep-report.ts";

/** Who a sweep's tasks are requested by, in the store and on the status comment. */
export const SWEEP_REQUESTER = "ferry-sweep";

export type TaskSink = { store: Store; queue: { enqueue(taskId: number): Promise<void> }; account: AccountOf };

/** A pick with the issue's text as listed and the writer who approved it: the task's snapshot. */
export type PickToStart = PickedIssue & { issue: ApprovedIssue | undefined };
type ApprovedIssue = { title: string; body: string; approvedBy: string };

/**
 * Starts a task for each pick, as a label would. The store creates at most one active task per
 * issue, atomically: a pick that another pass started first is reported as skipped.
 */
export async function startPicks(
  sink: TaskSink,
  client: GitHub,
  repo: RepoRef,
  picks: readonly PickToStart[],
  dueAt: string,
): Promise<{ started: PickedIssue[]; taken: SkippedIssue[] }> {
  const started: PickedIssue[] = [];
  const taken: SkippedIssue[] = [];
  for (const { issue, ...pick } of picks) {
    const outcome = await startPick(sink, client, repo, { number: pick.number, issue }, dueAt);
    if (outcome.kind === "created") started.push({ ...pick, taskId: outcome.task.id, ...(outcome.problem ? { why: `${pick.why}; ${outcome.problem}` } : {}) });
    else taken.push({ number: pick.number, title: pick.title, code: "active-task", reason: `task ${outcome.task.id} is already ${outcome.task.state}` });
  }
  return { started, taken };
}

type StartOutcome = { kind: "created" | "already-active"; task: Task; problem?: string };

/**
 * A task started by a sweep gets 👀 on its issue, as a labelled one does. A GitHub failure
 * after the task was queued does not stop the other picks: the task runs anyway.
 */
async function startPick(sink: TaskSink, client: GitHub, repo: RepoRef, pick: { number: number; issue: ApprovedIssue | undefined }, dueAt: string): Promise<StartOutcome> {
  const issueNumber = pick.number;
  let outcome: StartOutcome;
  try {
    const request = { client, repo, issueNumber, trigger: "sweep", requester: SWEEP_REQUESTER, by: "sweep", detail: { dueAt } } as const;
    outcome = await enqueueIssueTask(sink, { ...request, ...(pick.issue && { issue: pick.issue }) });
  } catch (error) {
    const task = await sink.store.findActiveTask(repo.owner, repo.name, issueNumber);
    if (!task) throw error;
    return { kind: "created", task, problem: `its status comment failed: ${errorMessage(error)}` };
  }
  if (outcome.kind !== "created") return outcome;
  try {
    await reactSeen(client, { owner: repo.owner, repo: repo.name, issueNumber });
    return outcome;
  } catch (error) {
    return { ...outcome, problem: `its 👀 failed: ${errorMessage(error)}` };
  }
}
