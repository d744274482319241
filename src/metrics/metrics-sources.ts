import type { Task, TaskState } from "../tasks/model.ts";
import { TASK_STATES, isTerminal } from "../tasks/model.ts";

/** One queue's backlog at scrape time. */
export type QueueStat = { queue: string; waiting: number; oldestWaitingSeconds: number };

/**
 * What only the composition root can count, asked at scrape time: start.ts passes callbacks
 * over its store and queue, so the metrics know neither (and a pg-boss queue brings its own).
 * Each may be left out; a metric whose source is missing has no samples.
 */
export type MetricsSources = {
  queues?(): Promise<readonly QueueStat[]>;
  /** Tasks that have not ended, per state. */
  tasksByState?(): Promise<Partial<Record<TaskState, number>>>;
  /** Worker processes alive across the installation (1 for a single process). */
  workersAlive?(): Promise<number>;
};

/** What the store-based sources need; the await takes the Store whether it is synchronous or not. */
export type TaskLister = {
  listTasks(states: readonly TaskState[]): Promise<readonly Pick<Task, "state" | "updatedAt">[]> | readonly Pick<Task, "state" | "updatedAt">[];
};

const ACTIVE_STATES = TASK_STATES.filter((state) => !isTerminal(state));

/** The in-process queue is the store's queued tasks: one queue, `tasks`, waiting since their last change. */
export function storeSources(store: TaskLister, now: () => number = Date.now): Required<Pick<MetricsSources, "queues" | "tasksByState">> {
  return {
    async queues() {
      const queued = await store.listTasks(["queued"]);
      const oldest = Math.min(...queued.map((task) => Date.parse(task.updatedAt)));
      return [{ queue: "tasks", waiting: queued.length, oldestWaitingSeconds: queued.length === 0 ? 0 : Math.max(0, (now() - oldest) / 1000) }];
    },
    async tasksByState() {
      const counts: Partial<Record<TaskState, number>> = Object.fromEntries(ACTIVE_STATES.map((state) => [state, 0]));
      for (const task of await store.listTasks(ACTIVE_STATES)) counts[task.state] = (counts[task.state] ?? 0) + 1;
      return counts;
    },
  };
}
