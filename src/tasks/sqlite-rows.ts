import { z } from "zod";
import { FollowUpKind, InboxKind, TaskResult, TaskState, TaskTrigger, type PublishedPart } from "./model.ts";
import type { FollowUp, InboxMessage, IssueSnapshot, PendingDelivery, Run, Task, TaskEvent } from "./model.ts";
import { PauseKind } from "./pause.ts";
import type { Pause } from "./pause.ts";

// Rows are parsed, not trusted: the file may have been edited by hand or by another build.

const parseJson = (text: string): unknown => JSON.parse(text);

const TaskRow = z.object({
  id: z.number().int(),
  owner: z.string(),
  repo: z.string(),
  installation_id: z.number().int(),
  clone_url: z.string(),
  default_branch: z.string(),
  issue_number: z.number().int(),
  trigger: TaskTrigger,
  requester: z.string(),
  state: TaskState,
  created_at: z.string(),
  updated_at: z.string(),
  result: z.string().nullable(),
});

export function toTask(row: unknown): Task {
  const r = TaskRow.parse(row);
  return {
    id: r.id,
    repo: {
      owner: r.owner,
      name: r.repo,
      installationId: r.installation_id,
      cloneUrl: r.clone_url,
      defaultBranch: r.default_branch,
    },
    issueNumber: r.issue_number,
    trigger: r.trigger,
    requester: r.requester,
    state: r.state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    result: r.result === null ? null : parseResult(r.id, r.result),
  };
}

const IssueSnapshotRow = z.object({ title: z.string(), body: z.string(), approved_by: z.string(), approved_at: z.string() });

export function toIssueSnapshot(row: unknown): IssueSnapshot {
  const r = IssueSnapshotRow.parse(row);
  return { title: r.title, body: r.body, approvedBy: r.approved_by, approvedAt: r.approved_at };
}

function parseResult(taskId: number, text: string): TaskResult {
  const parsed = TaskResult.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  throw new Error(`Task ${taskId} has a stored result that is not a valid TaskResult: ${parsed.error.message}`);
}

const RunRow = z.object({
  id: z.number().int(),
  task_id: z.number().int(),
  number: z.number().int(),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  interrupted: z.union([z.literal(0), z.literal(1)]),
});

export function toRun(row: unknown): Run {
  const r = RunRow.parse(row);
  return {
    id: r.id,
    taskId: r.task_id,
    number: r.number,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    interrupted: r.interrupted === 1,
  };
}

const EventRow = z.object({
  id: z.number().int(),
  task_id: z.number().int(),
  run_id: z.number().int().nullable(),
  at: z.string(),
  type: z.string(),
  data: z.string().nullable(),
});

export function toEvent(row: unknown): TaskEvent {
  const r = EventRow.parse(row);
  return {
    id: r.id,
    taskId: r.task_id,
    runId: r.run_id,
    at: r.at,
    type: r.type,
    data: r.data === null ? null : parseJson(r.data),
  };
}

const InboxRow = z.object({
  id: z.number().int(),
  task_id: z.number().int(),
  kind: InboxKind,
  author: z.string(),
  body: z.string(),
  received_at: z.string(),
  delivered_at: z.string().nullable(),
});

export function toInboxMessage(row: unknown): InboxMessage {
  const r = InboxRow.parse(row);
  return {
    id: r.id,
    taskId: r.task_id,
    kind: r.kind,
    author: r.author,
    body: r.body,
    receivedAt: r.received_at,
    deliveredAt: r.delivered_at,
  };
}

const PauseRow = z.object({
  task_id: z.number().int(),
  kind: PauseKind,
  subject: z.string(),
  since: z.string(),
  deadline: z.string(),
});

export function toPause(row: unknown): Pause {
  const r = PauseRow.parse(row);
  return { taskId: r.task_id, kind: r.kind, subject: r.subject, since: r.since, deadline: r.deadline };
}

const PartRow = z.object({
  idx: z.number().int().positive(),
  branch: z.string(),
  number: z.number().int().positive(),
  url: z.string(),
  head_sha: z.string(),
});

export function toPart(row: unknown): PublishedPart {
  const r = PartRow.parse(row);
  return { index: r.idx, branch: r.branch, number: r.number, url: r.url, headSha: r.head_sha };
}

const FollowUpRow = z.object({
  id: z.number().int(),
  task_id: z.number().int(),
  kind: FollowUpKind,
  author: z.string(),
  data: z.string(),
  batch: z.string().nullable(),
  created_at: z.string(),
  ready_at: z.string(),
  run_id: z.number().int().nullable(),
  done_at: z.string().nullable(),
});

export function toFollowUp(row: unknown): FollowUp {
  const r = FollowUpRow.parse(row);
  return {
    id: r.id,
    taskId: r.task_id,
    kind: r.kind,
    author: r.author,
    data: parseJson(r.data),
    batch: r.batch,
    createdAt: r.created_at,
    readyAt: r.ready_at,
    runId: r.run_id,
    doneAt: r.done_at,
  };
}

const BacklogRow = z.object({
  id: z.string(),
  event: z.string(),
  payload: z.string(),
  received_at: z.string(),
  attempts: z.number().int(),
});

export function toPendingDelivery(row: unknown): PendingDelivery {
  const r = BacklogRow.parse(row);
  return { id: r.id, event: r.event, payload: parseJson(r.payload), receivedAt: r.received_at, attempts: r.attempts };
}
