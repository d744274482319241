import type { FollowUp, InboxKind, IssueSnapshot, InboxMessage, NewDelivery, NewFollowUp, NewTask, PendingDelivery, Run, Task, TaskEvent, TaskResult, TaskState, PublishedPart } from "./model.ts";
import type { NewPause, Pause } from "./pause.ts";

export type CreateTaskResult = { created: true; task: Task } | { created: false; task: Task };

export type TransitionOptions = {
  result?: TaskResult;
  /** Why the move happened; written to the trajectory with the move. */
  reason?: string;
};

/**
 * Durable state of Ferry: tasks, their runs, trajectories, steering inboxes and the
 * webhook deliveries already handled. The SQLite implementation is the default; the
 * seam lets a server database replace it.
 */
export interface Store {
  /** Creates a queued task unless the issue already has an active (non-terminal) task; atomic, snapshot included. */
  createTask(input: NewTask): Promise<CreateTaskResult>;
  /** Replaces the task's issue snapshot (a writer approved the issue again: a retry on it). */
  snapshotIssue(taskId: number, snapshot: Omit<IssueSnapshot, "approvedAt">): Promise<void>;
  /** The issue as a writer approved it for this task; undefined for a task made before snapshots. */
  issueSnapshot(taskId: number): Promise<IssueSnapshot | undefined>;
  getTask(id: number): Promise<Task | undefined>;
  findActiveTask(owner: string, repo: string, issueNumber: number): Promise<Task | undefined>;
  /** The issue's most recent task, active or ended. */
  latestTaskFor(owner: string, repo: string, issueNumber: number): Promise<Task | undefined>;
  /** The task that delivered this pull request as one of its parts (its latest delivery), and which part. */
  findTaskByPull(owner: string, repo: string, pullNumber: number): Promise<{ task: Task; part: PublishedPart } | undefined>;
  listTasks(states: readonly TaskState[]): Promise<Task[]>;
  /**
   * Moves a task along the state machine; throws ForbiddenTransitionError for a move it forbids.
   * Leaving `waiting` ends the task's pause.
   */
  transition(id: number, to: TaskState, options?: TransitionOptions): Promise<Task>;

  startRun(taskId: number): Promise<Run>;
  listRuns(taskId: number): Promise<Run[]>;
  /** Ends the open runs of a task; `interrupted` marks runs cut off by a crash. */
  endRuns(taskId: number, options?: { interrupted?: boolean }): Promise<void>;

  appendEvent(taskId: number, type: string, data?: unknown): Promise<TaskEvent>;
  listEvents(taskId: number): Promise<TaskEvent[]>;

  /** Adds a message to the task's inbox; without a kind it is a redirect (steering for the agent's next step). */
  pushInbox(taskId: number, author: string, body: string, kind?: InboxKind): Promise<InboxMessage>;
  /**
   * Returns undelivered messages of the given kinds (default: redirects only) in arrival
   * order and marks them delivered, so approvals and answers reach only the pause waiting for them.
   */
  takeInbox(taskId: number, kinds?: readonly InboxKind[]): Promise<InboxMessage[]>;

  /** Every message of the task's inbox, delivered or not, in arrival order. */
  listInbox(taskId: number): Promise<InboxMessage[]>;

  /**
   * Queues work for the task's next run. With a batch key, an open follow-up of the same key that
   * no run has taken yet absorbs it instead: `merge` gets its data and returns the combined data.
   */
  addFollowUp(taskId: number, input: NewFollowUp, merge?: (existing: unknown) => unknown): Promise<FollowUp>;
  /** Gives the run the oldest open follow-up that is ready, if any; it stays open until settled. */
  takeFollowUp(taskId: number, runId: number): Promise<FollowUp | undefined>;
  /** Closes the follow-ups the task's runs took; called when the task ends. */
  settleFollowUps(taskId: number): Promise<void>;
  /** Closes every open follow-up of the task (a stop drops queued work too). */
  dropFollowUps(taskId: number): Promise<void>;
  /** Open follow-ups in order, taken or not. */
  openFollowUps(taskId: number): Promise<FollowUp[]>;
  /** Tasks with open follow-ups that no run has taken (for start-up). */
  tasksWithOpenFollowUps(): Promise<number[]>;

  /** Claims one due time of a repository's sweep; false when another process or an earlier run has it. */
  claimSweep(owner: string, repo: string, dueAt: string): Promise<boolean>;
  /** What the repository's runs that ended since `since` cost, in USD (runs of unknown price count 0). */
  spentUsdSince(owner: string, repo: string, since: string): Promise<number>;

  /** Records what the task is about to wait for, replacing any earlier pause of the task. */
  openPause(taskId: number, pause: NewPause): Promise<Pause>;
  getPause(taskId: number): Promise<Pause | undefined>;
  /** Ends the task's pause, if it has one. */
  closePause(taskId: number): Promise<void>;

  /** Records the pull requests of the task's latest delivery, replacing the earlier list. */
  setParts(taskId: number, parts: readonly PublishedPart[]): Promise<void>;
  /** The task's delivered parts in stack order; empty before its first delivery. */
  partsOf(taskId: number): Promise<PublishedPart[]>;

  /**
   * Records what Ferry just pushed to a repository's branch (null: Ferry deleted it). Whatever
   * task pushed it, this is the lease of Ferry's next push or delete of that branch.
   */
  recordPush(owner: string, repo: string, branch: string, sha: string | null): Promise<void>;
  /** The commit Ferry last pushed to the branch, if it pushed it and did not delete it since. */
  pushedSha(owner: string, repo: string, branch: string): Promise<string | undefined>;

  hasSeenDelivery(deliveryId: string): Promise<boolean>;
  markDeliverySeen(deliveryId: string, event: string): Promise<void>;

  /** Keeps a verified webhook delivery until it is handled; false when its id, or its body under another id, is waiting or was handled already. */
  acceptDelivery(delivery: NewDelivery): Promise<boolean>;
  /** Accepted deliveries not handled yet, in arrival order (for start-up after a stop or a crash). */
  pendingDeliveries(): Promise<PendingDelivery[]>;
  /** One waiting delivery with its payload; undefined once it was handled or dropped. */
  waitingDelivery(deliveryId: string): Promise<PendingDelivery | undefined>;
  /** The delivery was handled: it leaves the backlog and a redelivery of its id is ignored. */
  settleDelivery(deliveryId: string, event: string): Promise<void>;
  /** Counts a failed attempt at handling the delivery; returns the attempts so far. */
  countDeliveryAttempt(deliveryId: string): Promise<number>;
  /** Forgets a waiting delivery without marking it handled (given up: a redelivery is accepted again). */
  dropDelivery(deliveryId: string): Promise<void>;
  /** Forgets the ids of deliveries handled before `before`; how many. */
  forgetDeliveriesSeenBefore(before: Date): Promise<number>;
  /** Forgets the body hashes of deliveries handled before `before` (a replay of one is then taken as new); how many. */
  forgetDeliveryBodiesSeenBefore(before: Date): Promise<number>;

  close(): Promise<void>;
}
