import type { Log } from "../../logger.ts";
import type { FollowUp, NewFollowUp, Task } from "../../tasks/model.ts";
import { isTerminal } from "../../tasks/model.ts";
import type { Queue } from "../../tasks/queue-types.ts";
import type { Store } from "../../tasks/store.ts";

export type FollowUpRequest = NewFollowUp & {
  taskId: number;
  /** Wait this long for more of the same batch before a run may take it. */
  delayMs?: number;
  /** Combines the data of an open follow-up of the same batch with this one's. */
  merge?: (existing: unknown) => unknown;
};

/**
 * What became of a follow-up: a run of the ended task `started`; `queued` behind the task's
 * current run (never raced with it); `scheduled` until its batching window closes; or `blocked`
 * because the issue has another active task, in which case it is dropped.
 */
export type FollowUpAnswer =
  | { kind: "started"; task: Task; followUp: FollowUp }
  | { kind: "queued"; task: Task; followUp: FollowUp }
  | { kind: "scheduled"; task: Task; followUp: FollowUp }
  | { kind: "blocked"; task: Task; followUp: FollowUp; other: Task };

export type FollowUpsOptions = {
  store: Store;
  queue: Pick<Queue, "reopen">;
  log: Log;
  now?: () => Date;
};

/**
 * Runs queued work for ended tasks (retry, a redirect after the end, review feedback) one run
 * at a time, in arrival order: a task that ends with more waiting starts its next run.
 */
export class FollowUps {
  readonly #store: Store;
  readonly #queue: Pick<Queue, "reopen">;
  readonly #log: Log;
  readonly #now: () => Date;
  readonly #timers = new Map<number, NodeJS.Timeout>();
  #stopped = false;

  constructor(options: FollowUpsOptions) {
    this.#store = options.store;
    this.#queue = options.queue;
    this.#log = options.log;
    this.#now = options.now ?? (() => new Date());
  }

  async request(request: FollowUpRequest): Promise<FollowUpAnswer> {
    const { taskId, delayMs, merge, ...input } = request;
    const readyAt = new Date(this.#now().getTime() + (delayMs ?? 0)).toISOString();
    const followUp = await this.#store.addFollowUp(taskId, { ...input, readyAt }, merge);
    await this.#store.appendEvent(taskId, "follow-up-received", { id: followUp.id, kind: followUp.kind, by: followUp.author });
    const released = await this.release(taskId);
    const task = released.task;
    if (released.kind === "blocked") {
      await this.#store.dropFollowUps(taskId);
      return { kind: "blocked", task, followUp, other: released.other };
    }
    if (released.kind === "started") return { kind: "started", task, followUp };
    return { kind: isTerminal(task.state) ? "scheduled" : "queued", task, followUp };
  }

  /** Starts the task's next run when it has ended and ready work waits; arms a timer for work still in its window. */
  async release(taskId: number): Promise<{ kind: "started" | "waiting"; task: Task } | { kind: "blocked"; task: Task; other: Task }> {
    const task = await this.#mustGet(taskId);
    const open = (await this.#store.openFollowUps(taskId)).filter((followUp) => followUp.runId === null);
    if (!isTerminal(task.state) || open.length === 0) return { kind: "waiting", task };
    const next = open[0] as FollowUp;
    const waitMs = Date.parse(next.readyAt) - this.#now().getTime();
    if (waitMs > 0) {
      this.#arm(taskId, waitMs);
      return { kind: "waiting", task };
    }
    const other = await this.#store.findActiveTask(task.repo.owner, task.repo.name, task.issueNumber);
    if (other) return { kind: "blocked", task, other };
    // The reopen checks again, atomically, what was read above; see #reopen for when another caller got there first.
    return this.#reopen(task, `${next.kind} from @${next.author}`);
  }

  /**
   * Reads between release's checks and the reopen may interleave with another handler. Another
   * release that reopened the task first makes reopen answer undefined: the task is queued now,
   * so this follow-up waits behind that run, as if the check had seen it. A task made for the
   * issue meanwhile makes the store refuse the reopen: blocked, as if the check had seen it.
   */
  async #reopen(task: Task, reason: string): Promise<{ kind: "started" | "waiting"; task: Task } | { kind: "blocked"; task: Task; other: Task }> {
    try {
      const reopened = await this.#queue.reopen(task.id, reason);
      return reopened ? { kind: "started", task: reopened } : { kind: "waiting", task: await this.#mustGet(task.id) };
    } catch (error) {
      const other = await this.#store.findActiveTask(task.repo.owner, task.repo.name, task.issueNumber);
      if (other && other.id !== task.id) return { kind: "blocked", task, other };
      throw error;
    }
  }

  /** For the queue's listener: a task that ended settles the follow-up its run took and starts the next. */
  async onTaskChanged(task: Task): Promise<void> {
    if (!isTerminal(task.state)) return;
    await this.#store.settleFollowUps(task.id);
    await this.#releaseOrDrop(task.id);
  }

  /** Like release, for nobody waiting on the answer: follow-ups that cannot run are dropped and logged. */
  async #releaseOrDrop(taskId: number): Promise<void> {
    const released = await this.release(taskId);
    if (released.kind !== "blocked") return;
    this.#log.warn({ task: taskId, other: released.other.id }, "Dropped follow-ups: the issue has another active task");
    await this.#store.dropFollowUps(taskId);
  }

  /** Start-up: follow-ups left by an earlier process start (or wait for their window). */
  async start(): Promise<void> {
    for (const taskId of await this.#store.tasksWithOpenFollowUps()) await this.#releaseOrDrop(taskId).catch((error: unknown) => this.#log.error({ task: taskId, err: error }, "Could not start a follow-up"));
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #arm(taskId: number, waitMs: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timers.get(taskId));
    const timer = setTimeout(() => {
      this.#timers.delete(taskId);
      this.#releaseOrDrop(taskId).catch((error: unknown) => this.#log.error({ task: taskId, err: error }, "Could not start a follow-up"));
    }, waitMs);
    timer.unref();
    this.#timers.set(taskId, timer);
  }

  async #mustGet(taskId: number): Promise<Task> {
    const task = await this.#store.getTask(taskId);
    if (!task) throw new Error(`Task ${taskId} does not exist.`);
    return task;
  }
}
