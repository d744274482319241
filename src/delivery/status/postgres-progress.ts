import { z } from "zod";
import type { Log } from "../../logger.ts";
import type { SqlQuery } from "../../tasks/sql-query.ts";
import { SCHEMA } from "../../tasks/postgres/schema.ts";
import type { LiveProgress, ProgressListener } from "./progress-board.ts";
import { ProgressBoard } from "./progress-board.ts";
import type { Progress } from "./progress.ts";
import { listenForTasks, notifyTask, type ChannelListener } from "../../tasks/task-channel.ts";
import { TOUCH_CHANNEL } from "./touch-channel.ts";

const UPSERT = `INSERT INTO ${SCHEMA}.live_progress (task_id, progress, notes, updated_at) VALUES ($1, $2::json, $3::json, now())
  ON CONFLICT (task_id) DO UPDATE SET progress = EXCLUDED.progress, notes = EXCLUDED.notes, updated_at = EXCLUDED.updated_at`;
const DELETE = `DELETE FROM ${SCHEMA}.live_progress WHERE task_id = $1`;
const SELECT = `SELECT progress FROM ${SCHEMA}.live_progress WHERE task_id = $1`;

/** What a row holds, checked: the table is shared with every process (and anyone with database access). */
const StoredProgress = z.object({
  phase: z.enum(["setup", "working", "testing"]),
  step: z.number().int().nonnegative(),
  lastAction: z.string().max(1_000).optional(),
  tokens: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative().optional(),
});
const Row = z.object({ progress: z.string().nullable() });

export type PostgresProgressOptions = {
  db: SqlQuery;
  /** The database, for the connection that hears touches. */
  url: string;
  log: Log;
  /** A process that runs tasks listens for touches of them; a server only announces them. */
  listen: boolean;
  /** Least time between two writes of one task's row; default 1 s. */
  minIntervalMs?: number;
};

type Writes = { timer?: NodeJS.Timeout; lastAt: number; chain: Promise<void> };

/**
 * Live progress across processes. The worker keeps its own tasks' progress in memory, as one
 * process does (its status reporter reads it there), and copies it to `live_progress` for any
 * server's `/agent status`: at most one write per task per interval, the latest value always
 * written last, the row deleted when the run's progress is cleared. A touch is a NOTIFY; the
 * worker that holds the task hears it and its reporter refreshes the comment.
 */
export class PostgresProgress implements LiveProgress {
  readonly #board = new ProgressBoard();
  readonly #writes = new Map<number, Writes>();
  readonly #options: PostgresProgressOptions;
  readonly #minIntervalMs: number;
  #touches: ChannelListener | undefined;

  private constructor(options: PostgresProgressOptions) {
    this.#options = options;
    this.#minIntervalMs = options.minIntervalMs ?? 1_000;
  }

  static async open(options: PostgresProgressOptions): Promise<PostgresProgress> {
    const progress = new PostgresProgress(options);
    if (options.listen) {
      const board = progress.#board;
      progress.#touches = await listenForTasks({ url: options.url, channel: TOUCH_CHANNEL, onTask: (taskId) => board.touch(taskId), log: options.log });
    }
    return progress;
  }

  set(taskId: number, progress: Progress): void {
    this.#board.set(taskId, progress);
    this.#schedule(taskId);
  }

  note(taskId: number, notes: readonly string[]): void {
    if (notes.length === 0) return;
    this.#board.note(taskId, notes);
    this.#schedule(taskId);
  }

  get(taskId: number): Progress | undefined {
    return this.#board.get(taskId);
  }

  notesOf(taskId: number): readonly string[] {
    return this.#board.notesOf(taskId);
  }

  listen(listener: ProgressListener): () => void {
    return this.#board.listen(listener);
  }

  async read(taskId: number): Promise<Progress | undefined> {
    const rows = (await this.#options.db.query(SELECT, [taskId])).rows;
    const row = Row.safeParse(rows[0]);
    if (!row.success || row.data.progress === null) return undefined;
    const parsed = StoredProgress.safeParse(JSON.parse(row.data.progress));
    if (!parsed.success) this.#options.log.warn({ task: taskId }, "ignored a live progress row that is not a progress");
    return parsed.success ? parsed.data : undefined;
  }

  /** A NOTIFY, also heard by this process when it listens: one path whoever runs the task. */
  touch(taskId: number): void {
    notifyTask((text, values) => this.#options.db.query(text, values), TOUCH_CHANNEL, taskId).catch((error: unknown) =>
      this.#options.log.warn({ err: error, task: taskId }, "could not announce a status refresh; the task's next progress refreshes it"),
    );
  }

  clear(taskId: number): void {
    this.#board.clear(taskId);
    const writes = this.#writesOf(taskId);
    clearTimeout(writes.timer);
    writes.timer = undefined;
    // After any write in flight, so a late write never brings the row back.
    const deleted = this.#enqueue(taskId, writes, () => this.#options.db.query(DELETE, [taskId]));
    // The run is over: its entry goes, unless a new run started writing meanwhile.
    void deleted.then(() => {
      if (this.#writes.get(taskId) === writes && writes.chain === deleted && writes.timer === undefined) this.#writes.delete(taskId);
    });
  }

  /** Sends every waiting write now and resolves once all are done (stop, tests). */
  async flush(): Promise<void> {
    for (const [taskId, writes] of this.#writes) {
      if (writes.timer === undefined) continue;
      clearTimeout(writes.timer);
      writes.timer = undefined;
      this.#write(taskId, writes);
    }
    await Promise.all([...this.#writes.values()].map((writes) => writes.chain));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.#touches?.close();
    this.#touches = undefined;
  }

  /** One write per interval: a write already due reads the latest value when it runs. */
  #schedule(taskId: number): void {
    const writes = this.#writesOf(taskId);
    if (writes.timer !== undefined) return;
    const wait = Math.max(0, writes.lastAt + this.#minIntervalMs - Date.now());
    writes.timer = setTimeout(() => {
      writes.timer = undefined;
      this.#write(taskId, writes);
    }, wait);
  }

  #write(taskId: number, writes: Writes): void {
    writes.lastAt = Date.now();
    void this.#enqueue(taskId, writes, async () => {
      const progress = this.#board.get(taskId);
      const notes = this.#board.notesOf(taskId);
      // Cleared since it was scheduled: nothing to show, and the delete follows.
      if (progress === undefined && notes.length === 0) return;
      await this.#options.db.query(UPSERT, [taskId, JSON.stringify(progress ?? null), JSON.stringify(notes)]);
    });
  }

  #enqueue(taskId: number, writes: Writes, work: () => Promise<unknown>): Promise<void> {
    writes.chain = writes.chain.then(work).then(
      () => undefined,
      (error: unknown) => this.#options.log.warn({ err: error, task: taskId }, "could not share a task's live progress; its next change tries again"),
    );
    return writes.chain;
  }

  #writesOf(taskId: number): Writes {
    let writes = this.#writes.get(taskId);
    if (!writes) {
      writes = { lastAt: Number.NEGATIVE_INFINITY, chain: Promise.resolve() };
      this.#writes.set(taskId, writes);
    }
    return writes;
  }
}
