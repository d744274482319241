import { z } from "zod";

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

/** How a run ended. One variant per outcome; later issues add theirs (pr-opened, tests-failing, …). */
export const TaskResult = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("placeholder"), message: z.string() }),
  z.object({ outcome: z.literal("cancelled"), reason: z.string() }),
  z.object({ outcome: z.literal("error"), message: z.string() }),
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

export type NewTask = Pick<Task, "repo" | "issueNumber" | "trigger" | "requester">;

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

/** A steering message waiting for the agent's next step. */
export type InboxMessage = {
  id: number;
  taskId: number;
  author: string;
  body: string;
  receivedAt: string;
  deliveredAt: string | null;
};
