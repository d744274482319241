import { InProcessQueue } from "../../../src/tasks/queue.ts";
import type { TaskListener, TaskRunner } from "../../../src/tasks/queue-types.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { controlledRunner } from "./controlled-runner.ts";
import { newTask } from "./new-task.ts";
import { recordingLog } from "../../helpers/recording-log.ts";
import { tickingClock } from "./ticking-clock.ts";

/** An in-memory store and a queue over it, driven by a controlled runner unless another is given. */
export function queueFixture(options: { concurrency?: number; listener?: TaskListener; runner?: TaskRunner } = {}) {
  const store = new SqliteStore({ dataDir: ":memory:", now: tickingClock() });
  const control = controlledRunner();
  const log = recordingLog();
  const queue = new InProcessQueue({
    store,
    runner: options.runner ?? control.runner,
    concurrency: options.concurrency ?? 2,
    listener: options.listener,
    log,
  });
  const createTask = async (issueNumber = 7): Promise<number> => (await store.createTask(newTask({ issueNumber }))).task.id;
  const close = async (): Promise<void> => {
    await queue.stop();
    await store.close();
  };
  return { store, control, log, queue, createTask, close };
}

export type QueueFixture = ReturnType<typeof queueFixture>;
