import type { Ceilings } from "../config/clamp-limits.ts";
import type { Store } from "../tasks/store.ts";
import type { Queue } from "../tasks/queue-types.ts";
import type { RepoRef, Task, TaskTrigger } from "../tasks/model.ts";
import { publishStatus } from "../delivery/status/publish-status.ts";
import type { GitHub } from "../github/platform.ts";
import type { AccountOf } from "../github/ferry-account.ts";
import type { EventContext } from "./event-context.ts";
import type { Progress } from "../delivery/status/progress.ts";
import type { TrajectoryLink } from "../delivery/status/status-view.ts";
import type { FollowUps } from "../steering/follow-ups/follow-ups.ts";

/** What running tasks look like right now, beyond the store: for `/agent status` and the status comment. */
export type LiveTasks = {
  progressOf(taskId: number): Promise<Progress | undefined>;
  trajectoryOf(taskId: number): Promise<TrajectoryLink | undefined>;
  /** Something about the task changed that its status comment shows (a redirect arrived). */
  touch(taskId: number): void;
};

export type IntakeDeps = {
  store: Store;
  queue: Queue;
  /** Work for a task's next run: retry, a redirect after the end, review feedback. */
  followUps: Pick<FollowUps, "request">;
  live?: LiveTasks;
  /** Ferry's bot account: only its comments are Ferry's, whatever marker another carries. */
  account: AccountOf;
  /** The operator's FERRY_MAX_*: `/agent status` shows the limits a run really gets. */
  ceilings?: Ceilings;
};

export type IntakeOutcome = { kind: "created"; task: Task } | { kind: "already-active"; task: Task };

/** One issue handed to Ferry, from a webhook or a sweep; `detail` joins the "triggered" event (delivery id, due time). */
export type IssueTaskRequest = {
  client: GitHub;
  repo: RepoRef;
  issueNumber: number;
  trigger: TaskTrigger;
  requester: string;
  by: string;
  /** The issue's title and body as the trigger saw them: the task's snapshot, what every run works from. `approvedBy` defaults to `by`. */
  issue?: { title: string; body: string; approvedBy?: string };
  detail?: Record<string, unknown>;
};

/**
 * Turns an authorised trigger into a queued task: one task per issue at a time, the queue,
 * then its status comment. The agent never runs here.
 */
export async function enqueueTask(
  deps: IntakeDeps,
  context: EventContext,
  trigger: TaskTrigger,
): Promise<IntakeOutcome> {
  return enqueueIssueTask(deps, {
    client: context.client,
    repo: context.repo,
    issueNumber: context.issue.issueNumber,
    trigger,
    requester: context.sender.login,
    by: context.sender.login,
    ...(context.issueText && { issue: context.issueText }),
    detail: { delivery: context.deliveryId },
  });
}

/** The shared core of intake: the store decides atomically whether the issue gets a new task. */
export async function enqueueIssueTask(
  deps: { store: Store; queue: Pick<Queue, "enqueue">; account: AccountOf },
  request: IssueTaskRequest,
): Promise<IntakeOutcome> {
  const { created, task } = await deps.store.createTask({
    repo: request.repo,
    issueNumber: request.issueNumber,
    trigger: request.trigger,
    requester: request.requester,
    ...(request.issue && { issue: { title: request.issue.title, body: request.issue.body, approvedBy: request.issue.approvedBy ?? request.by } }),
  });
  if (!created) return { kind: "already-active", task };
  await deps.store.appendEvent(task.id, "triggered", { trigger: request.trigger, by: request.by, ...request.detail });
  // Durable above, so it starts now: its preparation never waits on the status comment, a GitHub write
  // spaced about a second from the last. A failed post rejects to the caller, who logs it; the task runs.
  await deps.queue.enqueue(task.id);
  await publishStatus(request.client, task, deps.account);
  return { kind: "created", task };
}
