import type { Job, PgBoss } from "pg-boss";
import { z } from "zod";
import type { Log } from "../../logger.ts";
import { isTerminal } from "../model.ts";
import type { Task } from "../model.ts";
import { moveUnless } from "../move-unless.ts";
import type { Queue, TaskListener, TaskRunner } from "../queue-types.ts";
import { IN_FLIGHT_STATES, requeueInterrupted } from "../requeue-interrupted.ts";
import type { Store } from "../store.ts";
import { notifyListener, runQueuedTask, taskAbortedError } from "../task-run.ts";
import type { TaskRunDeps } from "../task-run.ts";
import { listenForTasks, notifyTask } from "../task-channel.ts";
import type { ChannelListener } from "../task-channel.ts";
import { CANCEL_CHANNEL } from "./cancel-channel.ts";

/** pg-boss's queue of task runs; one job per task at a time (`exclusive` on the task id). */
export const TASK_QUEUE = "ferry-tasks";

const JobData = z.object({ taskId: z.number().int().positive() });

export type PgBossQueueOptions = {
  store: Store;
  /** Started and stopped by the caller, which may share it (schedules, singletons). */
  boss: PgBoss;
  /** The database, for the connection that hears cancels. */
  databaseUrl: string;
  listener?: TaskListener;
  log: Log;
  /** A worker runs tasks, at most `concurrency` at once; without it (a server) the queue only schedules and cancels. */
  work?: { runner: TaskRunner; concurrency: number };
  /** A worker that misses heartbeats this long is taken for dead; its task resumes on another. pg-boss's minimum is 10. */
  heartbeatSeconds?: number;
  /** How often a worker re-reads the states of the tasks it runs (the truth behind the cancel notifications). */
  watchMs?: number;
  /** How often queued tasks are handed to pg-boss again (one whose send failed, or raced a run's end). */
  resendMs?: number;
};

type Held = { controller: AbortController; stopping: boolean };

/**
 * The work queue of several machines: tasks go through pg-boss on the shared database, and any
 * worker takes the next one. The store stays the truth (a task runs only while `queued` → in
 * flight, as with the in-process queue); pg-boss gives each task to one worker at a time, and
 * retries the job of a worker that stopped or died (heartbeats), so its task resumes elsewhere
 * as it would after a restart. A cancel is announced with NOTIFY to whichever worker holds it.
 */
export class PgBossQueue implements Queue {
  readonly #options: PgBossQueueOptions;
  readonly #deps: TaskRunDeps | undefined;
  readonly #held = new Map<number, Held>();
  #started = false;
  #cancels: ChannelListener | undefined;
  #timers: NodeJS.Timeout[] = [];
  #idleWaiters: (() => void)[] = [];

  constructor(options: PgBossQueueOptions) {
    if (options.work && (!Number.isInteger(options.work.concurrency) || options.work.concurrency < 1)) {
      throw new RangeError(`Queue concurrency must be a positive integer, got ${options.work.concurrency}.`);
    }
    this.#options = options;
    this.#deps = options.work ? { store: options.store, runner: options.work.runner, listener: options.listener, log: options.log } : undefined;
  }

  async enqueue(taskId: number): Promise<void> {
    // No read of the task first: the worker that takes the job runs it only while it is queued, and
    // one round trip less is what a webhook's task waits before a worker can start it.
    // null: the task already has a job waiting or running (its run takes the new turn when it ends).
    await this.#options.boss.send(TASK_QUEUE, { taskId }, { singletonKey: String(taskId) });
  }

  async cancel(taskId: number, reason: string): Promise<Task | undefined> {
    const { store } = this.#options;
    const task = await store.getTask(taskId);
    if (!task || isTerminal(task.state)) return undefined;
    const cancelled = await moveUnless(store, taskId, isTerminal, () => store.transition(taskId, "cancelled", { result: { outcome: "cancelled", reason }, reason }));
    if (!cancelled) return undefined;
    const held = this.#held.get(taskId);
    if (held) held.controller.abort(taskAbortedError(taskId, `cancelled (${reason})`));
    else {
      await notifyTask((text, values) => this.#options.boss.getDb().executeSql(text, values), CANCEL_CHANNEL, taskId);
      // The worker that holds it ends its run too; with none (queued, or its worker gone) it ends here.
      await store.endRuns(taskId);
    }
    await notifyListener(this.#options, cancelled);
    return cancelled;
  }

  async reopen(taskId: number, reason: string): Promise<Task | undefined> {
    const { store } = this.#options;
    const task = await store.getTask(taskId);
    if (!task || !isTerminal(task.state)) return undefined;
    const queued = await moveUnless(store, taskId, (state) => !isTerminal(state), () => store.transition(taskId, "queued", { reason }));
    if (!queued) return undefined;
    await notifyListener(this.#options, queued);
    await this.enqueue(taskId);
    return queued;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const { boss, work } = this.#options;
    const heartbeatSeconds = this.#options.heartbeatSeconds ?? 15;
    // Idempotent: every process creates it at start, whoever comes first.
    await boss.createQueue(TASK_QUEUE, { policy: "exclusive", heartbeatSeconds, retryLimit: 1_000, retryDelay: 1, expireInSeconds: 12 * 3600, notify: true });
    this.#every(this.#options.resendMs ?? 5_000, () => this.#resendQueued());
    if (!work) return;
    this.#cancels = await listenForTasks({ url: this.#options.databaseUrl, channel: CANCEL_CHANNEL, onTask: (taskId) => this.#abort(taskId, "cancelled"), log: this.#options.log });
    this.#every(this.#options.watchMs ?? 1_000, () => this.#watchHeld());
    // A new job wakes the workers through NOTIFY; a retried one (a stopped or dead worker's) does not, so the poll stays short.
    await boss.work<{ taskId: number }>(TASK_QUEUE, { localConcurrency: work.concurrency, batchSize: 1, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await this.#handle(job);
    });
    await this.#resendQueued();
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    // No new jobs; the held ones are aborted, and their jobs fail so another worker (or this one's restart) resumes them.
    const stopping = this.#options.work ? this.#options.boss.offWork(TASK_QUEUE, { wait: true }) : Promise.resolve();
    for (const [taskId, held] of this.#held) {
      held.stopping = true;
      held.controller.abort(taskAbortedError(taskId, "Ferry is stopping"));
    }
    await stopping;
    await this.#cancels?.close();
    this.#cancels = undefined;
    this.#resolveIdleWaiters();
  }

  idle(): Promise<void> {
    if (this.#held.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async #handle(job: Job<{ taskId: number }>): Promise<void> {
    const deps = this.#deps;
    const parsed = JobData.safeParse(job.data);
    if (!deps || !parsed.success) {
      this.#options.log.error({ job: job.id }, "A task job without a task id was dropped");
      return;
    }
    const { taskId } = parsed.data;
    let task = await deps.store.getTask(taskId);
    // The job of a worker that stopped or died: its task is still in flight, and resumes here as after a restart.
    if (task && IN_FLIGHT_STATES.includes(task.state)) {
      task = await requeueInterrupted(deps.store, task);
      this.#options.log.warn({ task: taskId, attempt: job.retryCount }, "Resumed a task whose worker stopped or died");
      await notifyListener(deps, task);
    }
    // Queued again while its run ended (a follow-up): the same job keeps the task's turn.
    while (this.#started && task?.state === "queued") {
      const held: Held = { controller: new AbortController(), stopping: false };
      // pg-boss aborts the job's signal when the claim is lost (missed heartbeats): another worker has it now.
      const lost = () => held.controller.abort(taskAbortedError(taskId, "its job went to another worker"));
      job.signal.addEventListener("abort", lost, { once: true });
      this.#held.set(taskId, held);
      try {
        await runQueuedTask(deps, taskId, held.controller.signal);
      } finally {
        job.signal.removeEventListener("abort", lost);
        this.#held.delete(taskId);
        this.#resolveIdleWaiters();
      }
      // Failing the job hands it to pg-boss's retry: the next worker to take it resumes the task.
      if (held.stopping || job.signal.aborted) throw new Error(`Task ${taskId} was left in flight: this worker is stopping.`);
      task = await deps.store.getTask(taskId);
    }
  }

  #abort(taskId: number, why: string): void {
    this.#held.get(taskId)?.controller.abort(taskAbortedError(taskId, why));
  }

  /** The store is the truth: a held task that ended elsewhere (a cancel whose notification was lost) is aborted. */
  async #watchHeld(): Promise<void> {
    for (const taskId of [...this.#held.keys()]) {
      const state = (await this.#options.store.getTask(taskId))?.state;
      if (state === undefined || isTerminal(state)) this.#abort(taskId, state ? `it ended elsewhere (${state})` : "it was deleted");
    }
  }

  async #resendQueued(): Promise<void> {
    for (const task of await this.#options.store.listTasks(["queued"])) await this.enqueue(task.id);
  }

  #every(ms: number, work: () => Promise<void>): void {
    const timer = setInterval(() => {
      work().catch((error: unknown) => this.#options.log.error({ err: error }, "A task queue chore failed; it runs again shortly"));
    }, ms);
    timer.unref();
    this.#timers.push(timer);
  }

  #resolveIdleWaiters(): void {
    if (this.#held.size > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
