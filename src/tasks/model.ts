import { z } from "zod";
import { AgentOutcome, Spend } from "./agent-outcome.ts";

/** Every state a task can be in; the allowed moves between them live in state-machine.ts. */
export const TASK_STATES = [
  "queued",
  "preparing",
  "running",
  "waiting",
  "verifying",
  "delivering",
  "done",
  "failed",
  "cancelled",
] as const;
export const TaskState = z.enum(TASK_STATES);
export type TaskState = z.infer<typeof TaskState>;

export const TERMINAL_STATES: readonly TaskState[] = ["done", "failed", "cancelled"];
export const isTerminal = (state: TaskState): boolean => TERMINAL_STATES.includes(state);

/** How a task came to be: a label, an `/agent run` comment, or a scheduled sweep. */
export const TaskTrigger = z.enum(["label", "command", "sweep"]);
export type TaskTrigger = z.infer<typeof TaskTrigger>;

export const RepoRef = z.object({
  owner: z.string().min(1),
  name: z.string().min(1),
  installationId: z.number().int().positive(),
  cloneUrl: z.url(),
  defaultBranch: z.string().min(1),
});
export type RepoRef = z.infer<typeof RepoRef>;

/**
 * How a run ended: the agent's outcome, or what the queue and runner decide around it (a task
 * cancelled before its agent started has no spend; `error` is a runner that failed outside the agent).
 */
export const TaskResult = z.union([
  z.discriminatedUnion("outcome", [
    z.object({ outcome: z.literal("cancelled"), reason: z.string(), spend: Spend.optional() }),
    z.object({ outcome: z.literal("error"), message: z.string() }),
  ]),
  AgentOutcome,
]);
export type TaskResult = z.infer<typeof TaskResult>;

export type Task = {
  id: number;
  repo: RepoRef;
  issueNumber: number;
  trigger: TaskTrigger;
  requester: string;
  state: TaskState;
  createdAt: string;
  updatedAt: string;
  result: TaskResult | null;
};

/** The issue's title and body as they were when a writer triggered the task: the task itself, whatever is edited later. */
export type IssueSnapshot = {
  title: string;
  body: string;
  /** Who triggered (the sweep for a sweep pick, whose label a writer applied). */
  approvedBy: string;
  approvedAt: string;
};

/** `issue`: the issue's text at the trigger, kept as the task's snapshot. */
export type NewTask = Pick<Task, "repo" | "issueNumber" | "trigger" | "requester"> & { issue?: Omit<IssueSnapshot, "approvedAt"> };

export type Run = {
  id: number;
  taskId: number;
  number: number;
  startedAt: string;
  endedAt: string | null;
  /** Set when the process died while the run was active and the task was queued again. */
  interrupted: boolean;
};

/** One line of a task's trajectory. Append-only. */
export type TaskEvent = {
  id: number;
  taskId: number;
  runId: number | null;
  at: string;
  type: string;
  data: unknown;
};

/**
 * What an inbox message is: a steering instruction for the agent's next step (`redirect`),
 * or a person's reply to a pause: an `approval` (its body is the approved command) or an `answer`.
 */
export const INBOX_KINDS = ["redirect", "approval", "answer"] as const;
export const InboxKind = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKind>;

/** A message from a person, waiting to be taken by the agent or by the pause it answers. */
export type InboxMessage = {
  id: number;
  taskId: number;
  kind: InboxKind;
  author: string;
  body: string;
  receivedAt: string;
  deliveredAt: string | null;
};

/**
 * Work queued for a task's next run: a fresh `retry`, a `redirect` given after the task ended, or
 * `review` feedback. What each carries (`data`) belongs to steering, which parses it.
 */
export const FOLLOW_UP_KINDS = ["retry", "redirect", "review"] as const;
export const FollowUpKind = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

export type FollowUp = {
  id: number;
  taskId: number;
  kind: FollowUpKind;
  author: string;
  data: unknown;
  /** Follow-ups with the same batch key gather into one until a run takes it. */
  batch: string | null;
  createdAt: string;
  /** Not taken by a run before this time (a batching window). */
  readyAt: string;
  /** The run that took it; a run cut off by a crash leaves it open, so the next run takes it again. */
  runId: number | null;
  doneAt: string | null;
};

export type NewFollowUp = Pick<FollowUp, "kind" | "author" | "data"> & { batch?: string; readyAt?: string };

/** A verified webhook delivery, as the server received it. */
export type NewDelivery = {
  /** `X-GitHub-Delivery`. */
  id: string;
  /** `X-GitHub-Event`, without the action. */
  event: string;
  payload: unknown;
};

/** A delivery accepted but not handled yet. */
export type PendingDelivery = NewDelivery & { receivedAt: string; attempts: number };

/** A part's pull request as it is on GitHub after a delivery; stored with the task so later events find it. */
export type PublishedPart = {
  /** 1-based. */
  index: number;
  branch: string;
  number: number;
  url: string;
  headSha: string;
};
