import type pg from "pg";
import { z } from "zod";
import type { Log } from "../../logger.ts";
import type { FollowUp, InboxKind, InboxMessage, IssueSnapshot, NewDelivery, NewFollowUp, NewTask, PendingDelivery, PublishedPart, Run, Task, TaskEvent, TaskState } from "../model.ts";
import { isTerminal } from "../model.ts";
import type { NewPause, Pause } from "../pause.ts";
import { toEvent, toInboxMessage, toIssueSnapshot, toPart, toPause, toRun, toTask } from "../sqlite-rows.ts";
import { assertTransition } from "../state-machine.ts";
import type { CreateTaskResult, Store, TransitionOptions } from "../store.ts";
import { TaskNotFoundError } from "../task-not-found-error.ts";
import * as backlog from "./delivery-backlog.ts";
import * as followUps from "./follow-ups.ts";
import { migratePool } from "./migrate.ts";
import type { Queryable } from "./pool.ts";
import { changes, createPool, firstRow, inTransaction, rowsOf } from "./pool.ts";
import { SQL } from "./statements.ts";
import { textValue } from "../text-value.ts";

export type PostgresStoreOptions = {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Clock for timestamps; tests pass a fixed one. */
  now?: () => Date;
  /** Connections this process keeps open at most. */
  poolSize?: number;
  log?: Pick<Log, "info" | "warn">;
};

const UNIQUE_VIOLATION = "23505";
const MAX_CREATE_ATTEMPTS = 5;
const Usd = z.object({ usd: z.number() });
const Sha = z.object({ sha: z.string() });

/** Migrates the database (once, under the advisory lock, whoever starts first) and opens the store on it. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = createPool({ url: options.url, max: options.poolSize, log: options.log });
  try {
    await migratePool(pool, options.log);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool, options.now);
}

/**
 * The Store on PostgreSQL, for several processes on several machines. Every invariant SQLite keeps
 * with its single writer is kept here by the database: unique indexes with ON CONFLICT, row locks in
 * short transactions, and advisory locks where a decision spans tables (see statements.ts).
 */
export class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  readonly #now: () => Date;

  /** Use openPostgresStore: the pool's database must be migrated. */
  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    this.#pool = pool;
    this.#now = now;
  }

  async createTask(input: NewTask): Promise<CreateTaskResult> {
    // The unique index decides; a loser reads the winner. Should the winner end before that read, try again.
    for (let attempt = 1; ; attempt += 1) {
      const created = await inTransaction(this.#pool, async (client) => {
        const at = this.#timestamp();
        const { repo } = input;
        const row = await firstRow(client, SQL.insertTask, [repo.owner, repo.name, repo.installationId, repo.cloneUrl, repo.defaultBranch, input.issueNumber, input.trigger, input.requester, at]);
        if (row === undefined) return undefined;
        const task = toTask(row);
        if (input.issue) await this.#snapshotIssue(client, task.id, input.issue);
        return task;
      });
      if (created) return { created: true, task: created };
      const existing = await this.findActiveTask(input.repo.owner, input.repo.name, input.issueNumber);
      if (existing) return { created: false, task: existing };
      if (attempt >= MAX_CREATE_ATTEMPTS) throw new Error(`Could not create a task for ${input.repo.owner}/${input.repo.name}#${input.issueNumber}: its active task kept changing.`);
    }
  }

  async snapshotIssue(taskId: number, snapshot: Omit<IssueSnapshot, "approvedAt">): Promise<void> {
    await this.#snapshotIssue(this.#pool, taskId, snapshot);
  }

  async issueSnapshot(taskId: number): Promise<IssueSnapshot | undefined> {
    const row = await firstRow(this.#pool, SQL.selectIssueSnapshot, [taskId]);
    return row === undefined ? undefined : toIssueSnapshot(row);
  }

  async getTask(id: number): Promise<Task | undefined> {
    const row = await firstRow(this.#pool, SQL.selectTask, [id]);
    return row === undefined ? undefined : toTask(row);
  }

  async findActiveTask(owner: string, repo: string, issueNumber: number): Promise<Task | undefined> {
    return this.#findActiveTask(this.#pool, owner, repo, issueNumber);
  }

  async latestTaskFor(owner: string, repo: string, issueNumber: number): Promise<Task | undefined> {
    const row = await firstRow(this.#pool, SQL.selectLatestTask, [owner, repo, issueNumber]);
    return row === undefined ? undefined : toTask(row);
  }

  async findTaskByPull(owner: string, repo: string, pullNumber: number): Promise<{ task: Task; part: PublishedPart } | undefined> {
    const row = await firstRow(this.#pool, SQL.selectTaskByPull, [owner, repo, pullNumber]);
    return row === undefined ? undefined : { task: toTask(row), part: toPart(row) };
  }

  async listTasks(states: readonly TaskState[]): Promise<Task[]> {
    return (await rowsOf(this.#pool, SQL.selectTasksByState, [[...states]])).map(toTask);
  }

  /** Under the task's row lock, so two processes moving one task are applied one after the other. Moving to `queued` clears the result. */
  async transition(id: number, to: TaskState, options: TransitionOptions = {}): Promise<Task> {
    try {
      return await inTransaction(this.#pool, async (client) => {
        const row = await firstRow(client, SQL.lockTask, [id]);
        if (row === undefined) throw new TaskNotFoundError(id);
        const task = toTask(row);
        assertTransition(task.state, to);
        if (isTerminal(task.state)) await this.#assertNoOtherActiveTask(client, task);
        const result = options.result ?? (to === "queued" ? null : task.result);
        const at = this.#timestamp();
        const updated = await firstRow(client, SQL.updateTaskState, [to, at, result === null ? null : JSON.stringify(result), id]);
        // A pause lasts only while its task waits: a cancel or a restart must not leave it answerable.
        if (task.state === "waiting") await client.query(SQL.deletePause, [id]);
        const data = { from: task.state, to, reason: options.reason, result: options.result };
        await client.query(SQL.insertEvent, [id, at, "state", JSON.stringify(data)]);
        return toTask(updated);
      });
    } catch (error) {
      // Another server created the issue's task between the check and the update: the index refused it.
      if (isUniqueViolation(error)) await this.#explainActiveTask(id);
      throw error;
    }
  }

  async startRun(taskId: number): Promise<Run> {
    return inTransaction(this.#pool, async (client) => {
      await client.query(SQL.lockTask, [taskId]);
      return toRun(await firstRow(client, SQL.insertRun, [taskId, this.#timestamp()]));
    });
  }

  async listRuns(taskId: number): Promise<Run[]> {
    return (await rowsOf(this.#pool, SQL.selectRuns, [taskId])).map(toRun);
  }

  async endRuns(taskId: number, options: { interrupted?: boolean } = {}): Promise<void> {
    await changes(this.#pool, SQL.endRuns, [taskId, this.#timestamp(), options.interrupted === true]);
  }

  /** The event belongs to the task's open run, if it has one. */
  async appendEvent(taskId: number, type: string, data?: unknown): Promise<TaskEvent> {
    const json = data === undefined ? null : JSON.stringify(data);
    return toEvent(await firstRow(this.#pool, SQL.insertEvent, [taskId, this.#timestamp(), type, json]));
  }

  async listEvents(taskId: number): Promise<TaskEvent[]> {
    return (await rowsOf(this.#pool, SQL.selectEvents, [taskId])).map(toEvent);
  }

  async pushInbox(taskId: number, author: string, body: string, kind: InboxKind = "redirect"): Promise<InboxMessage> {
    return toInboxMessage(await firstRow(this.#pool, SQL.insertInbox, [taskId, kind, textValue(author), textValue(body), this.#timestamp()]));
  }

  async takeInbox(taskId: number, kinds: readonly InboxKind[] = ["redirect"]): Promise<InboxMessage[]> {
    // RETURNING has no order, hence the sort.
    const rows = (await rowsOf(this.#pool, SQL.takeInbox, [this.#timestamp(), taskId, [...kinds]])).map(toInboxMessage);
    return rows.sort((a, b) => a.id - b.id);
  }

  async listInbox(taskId: number): Promise<InboxMessage[]> {
    return (await rowsOf(this.#pool, SQL.selectInbox, [taskId])).map(toInboxMessage);
  }

  async addFollowUp(taskId: number, input: NewFollowUp, merge?: (existing: unknown) => unknown): Promise<FollowUp> {
    return followUps.addFollowUp(this.#pool, this.#timestamp(), taskId, input, merge);
  }

  async takeFollowUp(taskId: number, runId: number): Promise<FollowUp | undefined> {
    return followUps.takeFollowUp(this.#pool, this.#timestamp(), taskId, runId);
  }

  async settleFollowUps(taskId: number): Promise<void> {
    await followUps.settleFollowUps(this.#pool, this.#timestamp(), taskId);
  }

  async dropFollowUps(taskId: number): Promise<void> {
    await followUps.dropFollowUps(this.#pool, this.#timestamp(), taskId);
  }

  async openFollowUps(taskId: number): Promise<FollowUp[]> {
    return followUps.openFollowUps(this.#pool, taskId);
  }

  async tasksWithOpenFollowUps(): Promise<number[]> {
    return followUps.tasksWithOpenFollowUps(this.#pool);
  }

  async claimSweep(owner: string, repo: string, dueAt: string): Promise<boolean> {
    return (await changes(this.#pool, SQL.insertSweep, [owner, repo, dueAt, this.#timestamp()])) === 1;
  }

  async spentUsdSince(owner: string, repo: string, since: string): Promise<number> {
    return Usd.parse(await firstRow(this.#pool, SQL.selectSpentSince, [owner, repo, since])).usd;
  }

  async openPause(taskId: number, pause: NewPause): Promise<Pause> {
    return toPause(await firstRow(this.#pool, SQL.upsertPause, [taskId, pause.kind, textValue(pause.subject), this.#timestamp(), pause.deadline]));
  }

  async getPause(taskId: number): Promise<Pause | undefined> {
    const row = await firstRow(this.#pool, SQL.selectPause, [taskId]);
    return row === undefined ? undefined : toPause(row);
  }

  async closePause(taskId: number): Promise<void> {
    await changes(this.#pool, SQL.deletePause, [taskId]);
  }

  /** Under the task's row lock: two deliveries recording at once leave one whole list, not a mix. */
  async setParts(taskId: number, parts: readonly PublishedPart[]): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      await client.query(SQL.lockTask, [taskId]);
      await client.query(SQL.deleteParts, [taskId]);
      if (parts.length === 0) return;
      const column = <T>(pick: (part: PublishedPart) => T): T[] => parts.map(pick);
      await client.query(SQL.insertParts, [taskId, column((p) => p.index), column((p) => p.branch), column((p) => p.number), column((p) => p.url), column((p) => p.headSha)]);
    });
  }

  async partsOf(taskId: number): Promise<PublishedPart[]> {
    return (await rowsOf(this.#pool, SQL.selectParts, [taskId])).map(toPart);
  }

  async recordPush(owner: string, repo: string, branch: string, sha: string | null): Promise<void> {
    if (sha === null) await changes(this.#pool, SQL.deletePushedBranch, [owner, repo, branch]);
    else await changes(this.#pool, SQL.upsertPushedBranch, [owner, repo, branch, sha, this.#timestamp()]);
  }

  async pushedSha(owner: string, repo: string, branch: string): Promise<string | undefined> {
    const row = await firstRow(this.#pool, SQL.selectPushedBranch, [owner, repo, branch]);
    return row === undefined ? undefined : Sha.parse(row).sha;
  }

  async hasSeenDelivery(deliveryId: string): Promise<boolean> {
    return backlog.hasSeenDelivery(this.#pool, deliveryId);
  }

  async markDeliverySeen(deliveryId: string, event: string): Promise<void> {
    await backlog.markDeliverySeen(this.#pool, this.#timestamp(), deliveryId, event);
  }

  async acceptDelivery(delivery: NewDelivery): Promise<boolean> {
    return backlog.acceptDelivery(this.#pool, this.#timestamp(), delivery);
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    return backlog.pendingDeliveries(this.#pool);
  }

  async waitingDelivery(deliveryId: string): Promise<PendingDelivery | undefined> {
    return backlog.waitingDelivery(this.#pool, deliveryId);
  }

  async settleDelivery(deliveryId: string, event: string): Promise<void> {
    await backlog.settleDelivery(this.#pool, this.#timestamp(), deliveryId, event);
  }

  async countDeliveryAttempt(deliveryId: string): Promise<number> {
    return backlog.countDeliveryAttempt(this.#pool, deliveryId);
  }

  async dropDelivery(deliveryId: string): Promise<void> {
    await backlog.dropDelivery(this.#pool, deliveryId);
  }

  async forgetDeliveriesSeenBefore(before: Date): Promise<number> {
    return backlog.forgetDeliveriesSeenBefore(this.#pool, before);
  }

  async forgetDeliveryBodiesSeenBefore(before: Date): Promise<number> {
    return backlog.forgetDeliveryBodiesSeenBefore(this.#pool, before);
  }

  /** Waits for queries in flight, then closes every connection. Closing twice is harmless. */
  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }

  async #snapshotIssue(db: Queryable, taskId: number, snapshot: Omit<IssueSnapshot, "approvedAt">): Promise<void> {
    await db.query(SQL.upsertIssueSnapshot, [taskId, textValue(snapshot.title), textValue(snapshot.body), snapshot.approvedBy, this.#timestamp()]);
  }

  async #findActiveTask(db: Queryable, owner: string, repo: string, issueNumber: number): Promise<Task | undefined> {
    const row = await firstRow(db, SQL.selectActiveTask, [owner, repo, issueNumber]);
    return row === undefined ? undefined : toTask(row);
  }

  // The unique index would refuse it too, but with a message an operator cannot act on.
  async #assertNoOtherActiveTask(db: Queryable, task: Task): Promise<void> {
    const active = await this.#findActiveTask(db, task.repo.owner, task.repo.name, task.issueNumber);
    if (active) throw otherActiveTaskError(task, active);
  }

  async #explainActiveTask(id: number): Promise<void> {
    const task = await this.getTask(id);
    const active = task && (await this.#findActiveTask(this.#pool, task.repo.owner, task.repo.name, task.issueNumber));
    if (task && active) throw otherActiveTaskError(task, active);
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }
}

function otherActiveTaskError(task: Task, active: Task): Error {
  const issue = `${task.repo.owner}/${task.repo.name}#${task.issueNumber}`;
  return new Error(`Task ${task.id} cannot run again: issue ${issue} already has an active task, ${active.id}.`);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === UNIQUE_VIOLATION;
}

