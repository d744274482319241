import { createHash } from "node:crypto";
import type { DatabaseSync } from "node:sqlite";
import { textValue } from "./text-value.ts";
import type { FollowUp, InboxKind, InboxMessage, IssueSnapshot, NewDelivery, NewFollowUp, NewTask, PendingDelivery, Run, Task, TaskEvent, TaskState, PublishedPart } from "./model.ts";
import type { Log } from "../logger.ts";
import { isTerminal } from "./model.ts";
import { databaseFile, openDatabase, setAutoCheckpoint } from "./open-database.ts";
import { WalCheckpointer } from "./wal-checkpointer.ts";
import type { NewPause, Pause } from "./pause.ts";
import { prepareStatements } from "./sqlite-statements.ts";
import type { Statements } from "./sqlite-statements.ts";
import { toEvent, toFollowUp, toInboxMessage, toIssueSnapshot, toPart, toPause, toPendingDelivery, toRun, toTask } from "./sqlite-rows.ts";
import { inTransaction } from "./sqlite-transaction.ts";
import { assertTransition } from "./state-machine.ts";
import type { CreateTaskResult, Store, TransitionOptions } from "./store.ts";
import { TaskNotFoundError } from "./task-not-found-error.ts";

export type SqliteStoreOptions = {
  /** Directory holding `ferry.db` (created if missing), or ":memory:" for a throwaway database. */
  dataDir: string;
  /** Clock for timestamps; tests pass a fixed one. */
  now?: () => Date;
  busyTimeoutMs?: number;
  /** Where a failed background checkpoint is reported (the server's logger). */
  log?: Pick<Log, "warn">;
  /**
   * Checkpoints the write-ahead log from a thread of its own instead of inside the commit
   * that fills it (the server: no commit stalls its event loop on disk syncs). Off for
   * one-shot commands and tests, and for ":memory:".
   */
  backgroundCheckpoints?: boolean | { intervalMs: number };
};

/** The default Store: one SQLite file, statements prepared once, every multi-step write in one transaction. */
export class SqliteStore implements Store {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;
  readonly #sql: Statements;
  readonly #checkpointer: WalCheckpointer | undefined;

  constructor(options: SqliteStoreOptions) {
    this.#db = openDatabase(options.dataDir, options.busyTimeoutMs);
    this.#now = options.now ?? (() => new Date());
    this.#sql = prepareStatements(this.#db);
    const background = options.backgroundCheckpoints;
    if (background && options.dataDir !== ":memory:") {
      setAutoCheckpoint(this.#db, false);
      this.#checkpointer = new WalCheckpointer({
        file: databaseFile(options.dataDir),
        intervalMs: typeof background === "object" ? background.intervalMs : undefined,
        // Without the thread the log would grow without end: commits checkpoint again, as by default.
        onFailure: () => {
          if (this.#db.isOpen) setAutoCheckpoint(this.#db, true);
        },
        onMissedCheckpoint: (error) => options.log?.warn({ err: error, file: databaseFile(options.dataDir) }, "a background WAL checkpoint failed; the next one runs at the next interval"),
      });
    }
  }

  async createTask(input: NewTask): Promise<CreateTaskResult> {
    return inTransaction(this.#db, () => {
      const existing = this.#findActiveTask(input.repo.owner, input.repo.name, input.issueNumber);
      if (existing) return { created: false, task: existing };
      const at = this.#timestamp();
      const row = this.#sql.insertTask.get({
        owner: input.repo.owner,
        repo: input.repo.name,
        installation_id: input.repo.installationId,
        clone_url: input.repo.cloneUrl,
        default_branch: input.repo.defaultBranch,
        issue_number: input.issueNumber,
        trigger: input.trigger,
        requester: input.requester,
        at,
      });
      const task = toTask(row);
      if (input.issue) this.#snapshotIssue(task.id, input.issue);
      return { created: true, task };
    });
  }

  async snapshotIssue(taskId: number, snapshot: Omit<IssueSnapshot, "approvedAt">): Promise<void> {
    this.#snapshotIssue(taskId, snapshot);
  }

  async issueSnapshot(taskId: number): Promise<IssueSnapshot | undefined> {
    const row = this.#sql.selectIssueSnapshot.get(taskId);
    return row ? toIssueSnapshot(row) : undefined;
  }

  async getTask(id: number): Promise<Task | undefined> {
    const row = this.#sql.selectTask.get(id);
    return row ? toTask(row) : undefined;
  }

  async findActiveTask(owner: string, repo: string, issueNumber: number): Promise<Task | undefined> {
    return this.#findActiveTask(owner, repo, issueNumber);
  }

  async latestTaskFor(owner: string, repo: string, issueNumber: number): Promise<Task | undefined> {
    const row = this.#sql.selectLatestTask.get(owner, repo, issueNumber);
    return row ? toTask(row) : undefined;
  }

  async findTaskByPull(owner: string, repo: string, pullNumber: number): Promise<{ task: Task; part: PublishedPart } | undefined> {
    const row = this.#sql.selectTaskByPull.get(owner, repo, pullNumber);
    return row ? { task: toTask(row), part: toPart(row) } : undefined;
  }

  async listTasks(states: readonly TaskState[]): Promise<Task[]> {
    return this.#sql.selectTasksByState.all(JSON.stringify(states)).map(toTask);
  }

  /** Moving to `queued` clears the result: the task has not ended any more. */
  async transition(id: number, to: TaskState, options: TransitionOptions = {}): Promise<Task> {
    return inTransaction(this.#db, () => {
      const row = this.#sql.selectTask.get(id);
      if (!row) throw new TaskNotFoundError(id);
      const task = toTask(row);
      assertTransition(task.state, to);
      if (isTerminal(task.state)) this.#assertNoOtherActiveTask(task);
      const result = options.result ?? (to === "queued" ? null : task.result);
      const at = this.#timestamp();
      const updated = this.#sql.updateTaskState.get(to, at, result === null ? null : JSON.stringify(result), id);
      // A pause lasts only while its task waits: a cancel or a restart must not leave it answerable.
      if (task.state === "waiting") this.#sql.deletePause.run(id);
      const data = { from: task.state, to, reason: options.reason, result: options.result };
      this.#sql.insertEvent.get({ task: id, at, type: "state", data: JSON.stringify(data) });
      return toTask(updated);
    });
  }

  async startRun(taskId: number): Promise<Run> {
    return toRun(this.#sql.insertRun.get({ task: taskId, at: this.#timestamp() }));
  }

  async listRuns(taskId: number): Promise<Run[]> {
    return this.#sql.selectRuns.all(taskId).map(toRun);
  }

  async endRuns(taskId: number, options: { interrupted?: boolean } = {}): Promise<void> {
    this.#sql.endRuns.run({ task: taskId, at: this.#timestamp(), interrupted: options.interrupted ? 1 : 0 });
  }

  /** The event belongs to the task's open run, if it has one. */
  async appendEvent(taskId: number, type: string, data?: unknown): Promise<TaskEvent> {
    const json = data === undefined ? null : JSON.stringify(data);
    return toEvent(this.#sql.insertEvent.get({ task: taskId, at: this.#timestamp(), type, data: json }));
  }

  async listEvents(taskId: number): Promise<TaskEvent[]> {
    return this.#sql.selectEvents.all(taskId).map(toEvent);
  }

  async pushInbox(taskId: number, author: string, body: string, kind: InboxKind = "redirect"): Promise<InboxMessage> {
    return toInboxMessage(this.#sql.insertInbox.get(taskId, kind, textValue(author), textValue(body), this.#timestamp()));
  }

  async takeInbox(taskId: number, kinds: readonly InboxKind[] = ["redirect"]): Promise<InboxMessage[]> {
    // One UPDATE … RETURNING claims the messages atomically; RETURNING has no order, hence the sort.
    const rows = this.#sql.takeInbox.all(this.#timestamp(), taskId, JSON.stringify(kinds)).map(toInboxMessage);
    return rows.sort((a, b) => a.id - b.id);
  }

  async listInbox(taskId: number): Promise<InboxMessage[]> {
    return this.#sql.selectInbox.all(taskId).map(toInboxMessage);
  }

  async addFollowUp(taskId: number, input: NewFollowUp, merge?: (existing: unknown) => unknown): Promise<FollowUp> {
    return inTransaction(this.#db, () => {
      const at = this.#timestamp();
      const readyAt = input.readyAt ?? at;
      const open = input.batch === undefined ? undefined : this.#sql.selectOpenBatch.get(taskId, input.batch);
      if (open) {
        const existing = toFollowUp(open);
        const data = merge ? merge(existing.data) : input.data;
        return toFollowUp(this.#sql.updateFollowUp.get(JSON.stringify(data), readyAt, existing.id));
      }
      const row = this.#sql.insertFollowUp.get({
        task: taskId,
        kind: input.kind,
        author: input.author,
        data: JSON.stringify(input.data ?? null),
        batch: input.batch ?? null,
        at,
        readyAt,
      });
      return toFollowUp(row);
    });
  }

  async takeFollowUp(taskId: number, runId: number): Promise<FollowUp | undefined> {
    const row = this.#sql.takeFollowUp.get({ task: taskId, run: runId, at: this.#timestamp() });
    return row ? toFollowUp(row) : undefined;
  }

  async settleFollowUps(taskId: number): Promise<void> {
    this.#sql.settleFollowUps.run(this.#timestamp(), taskId);
  }

  async dropFollowUps(taskId: number): Promise<void> {
    this.#sql.dropFollowUps.run(this.#timestamp(), taskId);
  }

  async openFollowUps(taskId: number): Promise<FollowUp[]> {
    return this.#sql.selectOpenFollowUps.all(taskId).map(toFollowUp);
  }

  async tasksWithOpenFollowUps(): Promise<number[]> {
    return this.#sql.selectTasksWithOpenFollowUps.all().map((row) => Number(row["task_id"]));
  }

  async claimSweep(owner: string, repo: string, dueAt: string): Promise<boolean> {
    return Number(this.#sql.insertSweep.run(owner, repo, dueAt, this.#timestamp()).changes) === 1;
  }

  async spentUsdSince(owner: string, repo: string, since: string): Promise<number> {
    const row = this.#sql.selectSpentSince.get(owner, repo, since);
    return Number(row?.["usd"] ?? 0);
  }

  async openPause(taskId: number, pause: NewPause): Promise<Pause> {
    const row = this.#sql.upsertPause.get({ task: taskId, since: this.#timestamp(), ...pause, subject: textValue(pause.subject) });
    return toPause(row);
  }

  async getPause(taskId: number): Promise<Pause | undefined> {
    const row = this.#sql.selectPause.get(taskId);
    return row ? toPause(row) : undefined;
  }

  async closePause(taskId: number): Promise<void> {
    this.#sql.deletePause.run(taskId);
  }

  async setParts(taskId: number, parts: readonly PublishedPart[]): Promise<void> {
    inTransaction(this.#db, () => {
      this.#sql.deleteParts.run(taskId);
      for (const part of parts) this.#sql.insertPart.run({ task: taskId, idx: part.index, branch: part.branch, number: part.number, url: part.url, headSha: part.headSha });
    });
  }

  async partsOf(taskId: number): Promise<PublishedPart[]> {
    return this.#sql.selectParts.all(taskId).map(toPart);
  }

  async recordPush(owner: string, repo: string, branch: string, sha: string | null): Promise<void> {
    if (sha === null) this.#sql.deletePushedBranch.run(owner, repo, branch);
    else this.#sql.upsertPushedBranch.run({ owner, repo, branch, sha, at: this.#timestamp() });
  }

  async pushedSha(owner: string, repo: string, branch: string): Promise<string | undefined> {
    const row = this.#sql.selectPushedBranch.get(owner, repo, branch);
    return row ? String(row["sha"]) : undefined;
  }

  async hasSeenDelivery(deliveryId: string): Promise<boolean> {
    return this.#sql.selectDelivery.get(deliveryId) !== undefined;
  }

  async markDeliverySeen(deliveryId: string, event: string): Promise<void> {
    this.#sql.insertDelivery.run(deliveryId, event, this.#timestamp());
  }

  async acceptDelivery(delivery: NewDelivery): Promise<boolean> {
    const payload = JSON.stringify(delivery.payload);
    // The payload as parsed from the signed body: a replay of that body hashes the same.
    const hash = createHash("sha256").update(payload).digest("hex");
    const { changes } = this.#sql.insertBacklog.run({ id: delivery.id, event: delivery.event, payload, at: this.#timestamp(), hash });
    return changes === 1;
  }

  async pendingDeliveries(): Promise<PendingDelivery[]> {
    return this.#sql.selectBacklog.all().map(toPendingDelivery);
  }

  async waitingDelivery(deliveryId: string): Promise<PendingDelivery | undefined> {
    const row = this.#sql.selectBacklogDelivery.get(deliveryId);
    return row ? toPendingDelivery(row) : undefined;
  }

  async settleDelivery(deliveryId: string, event: string): Promise<void> {
    inTransaction(this.#db, () => {
      this.#sql.insertDeliveryBody.run(this.#timestamp(), deliveryId);
      this.#sql.deleteBacklog.run(deliveryId);
      this.#sql.insertDelivery.run(deliveryId, event, this.#timestamp());
    });
  }

  async countDeliveryAttempt(deliveryId: string): Promise<number> {
    const row = this.#sql.countBacklogAttempt.get(deliveryId);
    return row ? Number(row.attempts) : 0;
  }

  async dropDelivery(deliveryId: string): Promise<void> {
    this.#sql.deleteBacklog.run(deliveryId);
  }

  async forgetDeliveriesSeenBefore(before: Date): Promise<number> {
    return Number(this.#sql.deleteDeliveriesSeenBefore.run(before.toISOString()).changes);
  }

  async forgetDeliveryBodiesSeenBefore(before: Date): Promise<number> {
    return Number(this.#sql.deleteDeliveryBodiesSeenBefore.run(before.toISOString()).changes);
  }

  async close(): Promise<void> {
    // The thread's connection closes first, so this one is the last: SQLite checkpoints and removes the log.
    this.#checkpointer?.stop();
    if (this.#db.isOpen) this.#db.close();
  }

  // Sync helpers for use inside a transaction: an await there would let another caller in.
  #findActiveTask(owner: string, repo: string, issueNumber: number): Task | undefined {
    const row = this.#sql.selectActiveTask.get(owner, repo, issueNumber);
    return row ? toTask(row) : undefined;
  }

  #snapshotIssue(taskId: number, snapshot: Omit<IssueSnapshot, "approvedAt">): void {
    this.#sql.upsertIssueSnapshot.run({ task: taskId, title: textValue(snapshot.title), body: textValue(snapshot.body), by: snapshot.approvedBy, at: this.#timestamp() });
  }

  // The unique index would refuse it too, but with a message an operator cannot act on.
  #assertNoOtherActiveTask(task: Task): void {
    const active = this.#findActiveTask(task.repo.owner, task.repo.name, task.issueNumber);
    if (!active) return;
    const issue = `${task.repo.owner}/${task.repo.name}#${task.issueNumber}`;
    throw new Error(`Task ${task.id} cannot run again: issue ${issue} already has an active task, ${active.id}.`);
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }
}
