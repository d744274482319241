import type { Task } from "./model.ts";
import { isTerminal } from "./model.ts";
import type { Queue, TaskListener, TaskRunner } from "./queue-types.ts";
import { notifyListener, runQueuedTask, taskAbortedError } from "./task-run.ts";
import { runIteration } from "../run-iteration.ts";
import { moveUnless } from "./move-unless.ts";
import { IN_FLIGHT_STATES, requeueInterrupted } from "./requeue-interrupted.ts";
import type { Store } from "./store.ts";
import type { Log } from "../logger.ts";

export type InProcessQueueOptions = {
  store: Store;
  runner: TaskRunner;
  /** The most runners working at once. */
  concurrency: number;
  listener?: TaskListener;
  log?: Log;
};

type ActiveRun = { controller: AbortController; settled: Promise<void> };

/**
 * Runs queued tasks in this process, at most `concurrency` at once, first enqueued first run.
 * The store is the truth: a task is only picked while it is `queued`, and a restart resumes from it.
 *
 * How a run ends: runners move a task through the working states only; the queue makes the
 * final move with the result the runner returns (see finish-run.ts: placeholder → done,
 * error → failed, cancelled → cancelled). A runner that throws fails the task with its message.
 */
export class InProcessQueue implements Queue {
  readonly #store: Store;
  readonly #runner: TaskRunner;
  readonly #concurrency: number;
  readonly #listener: TaskListener | undefined;
  readonly #log: Log;
  readonly #active = new Map<number, ActiveRun>();
  #pending: number[] = [];
  #started = false;
  #idleWaiters: (() => void)[] = [];

  constructor(options: InProcessQueueOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`Queue concurrency must be a positive integer, got ${options.concurrency}.`);
    }
    this.#store = options.store;
    this.#runner = options.runner;
    this.#concurrency = options.concurrency;
    this.#listener = options.listener;
    this.#log = options.log ?? silentLog;
  }

  async enqueue(taskId: number): Promise<void> {
    // Before start() (and after stop()) there is nothing to do: start() schedules every queued task.
    if (!this.#schedulable(taskId)) return;
    const state = (await this.#store.getTask(taskId))?.state;
    // Checked again after the read: another enqueue of the task may have scheduled it meanwhile.
    if (state !== "queued" || !this.#schedulable(taskId)) return;
    this.#pending.push(taskId);
    this.#pump();
  }

  #schedulable(taskId: number): boolean {
    return this.#started && !this.#pending.includes(taskId) && !this.#active.has(taskId);
  }

  async cancel(taskId: number, reason: string): Promise<Task | undefined> {
    const task = await this.#store.getTask(taskId);
    if (!task || isTerminal(task.state)) return undefined;
    this.#pending = this.#pending.filter((id) => id !== taskId);
    // The task may have ended since it was read (its run finished, another cancel): then, as above, nothing to cancel.
    const cancelled = await unlessEnded(this.#store, taskId, () => this.#store.transition(taskId, "cancelled", { result: { outcome: "cancelled", reason }, reason }));
    if (!cancelled) return undefined;
    const active = this.#active.get(taskId);
    if (active) active.controller.abort(taskAbortedError(taskId, `cancelled (${reason})`));
    // No runner here (a task left waiting by an earlier process, say): its run ends now.
    else await this.#store.endRuns(taskId);
    this.#resolveIdleWaiters();
    await this.#notify(cancelled);
    return cancelled;
  }

  async reopen(taskId: number, reason: string): Promise<Task | undefined> {
    const task = await this.#store.getTask(taskId);
    if (!task || !isTerminal(task.state)) return undefined;
    // Another reopen may have queued it since it was read: then, as above, it has not ended.
    const queued = await unlessQueued(this.#store, taskId, () => this.#store.transition(taskId, "queued", { reason }));
    if (!queued) return undefined;
    await this.#notify(queued);
    await this.enqueue(taskId);
    return queued;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    // One task that cannot be re-queued (a busy database, a row it cannot move) is logged and left
    // for the next start; the others are still re-queued and start-up goes on.
    for (const interrupted of await this.#store.listTasks(IN_FLIGHT_STATES)) {
      await runIteration(this.#log, "Could not re-queue a task interrupted by a restart", { task: interrupted.id }, async () => {
        const task = await requeueInterrupted(this.#store, interrupted);
        this.#log.warn({ task: task.id }, "Re-queued a task interrupted by a restart");
        await this.#notify(task);
      });
    }
    for (const task of await this.#store.listTasks(["queued"])) await this.enqueue(task.id);
    this.#resolveIdleWaiters();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#pending = [];
    const active = [...this.#active.entries()];
    for (const [taskId, run] of active) run.controller.abort(taskAbortedError(taskId, "Ferry is stopping"));
    await Promise.all(active.map(([, run]) => run.settled));
    this.#resolveIdleWaiters();
  }

  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #pump(): void {
    while (this.#started && this.#active.size < this.#concurrency) {
      const taskId = this.#pending.shift();
      if (taskId === undefined) break;
      this.#launch(taskId);
    }
    this.#resolveIdleWaiters();
  }

  /**
   * The task holds its slot in `#active` from here on, before any await: an enqueue meanwhile
   * leaves it alone, and a cancel or a stop aborts its controller, which the launch checks.
   */
  #launch(taskId: number): void {
    const active: ActiveRun = { controller: new AbortController(), settled: Promise.resolve() };
    this.#active.set(taskId, active);
    active.settled = (async () => {
      try {
        await runQueuedTask({ store: this.#store, runner: this.#runner, listener: this.#listener, log: this.#log }, taskId, active.controller.signal);
      } finally {
        this.#active.delete(taskId);
        // Queued again while its run was ending (a follow-up): it takes its turn like any other.
        await this.#requeueIfQueued(taskId);
        this.#pump();
      }
    })();
  }

  async #requeueIfQueued(taskId: number): Promise<void> {
    try {
      const state = (await this.#store.getTask(taskId))?.state;
      if (this.#started && state === "queued" && !this.#pending.includes(taskId) && !this.#active.has(taskId)) this.#pending.push(taskId);
    } catch (error) {
      this.#log.error({ task: taskId, err: error }, "Could not read a task whose run ended");
    }
  }

  async #notify(task: Task): Promise<void> {
    await notifyListener({ listener: this.#listener, log: this.#log }, task);
  }

  #isIdle(): boolean {
    return this.#pending.length === 0 && this.#active.size === 0;
  }

  #resolveIdleWaiters(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

const unlessEnded = (store: Store, taskId: number, move: () => Promise<Task>) => moveUnless(store, taskId, isTerminal, move);
const unlessQueued = (store: Store, taskId: number, move: () => Promise<Task>) => moveUnless(store, taskId, (state) => !isTerminal(state), move);

const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };
