import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { ENDING_REPORTED } from "../../../src/delivery/status/unreported-endings.ts";
import { TERMINAL_STATES } from "../../../src/tasks/model.ts";

/** What ferry-process.ts answers to `state`: tasks not ended yet, and the task ids its runner was handed. */
export const FerryState = z.object({ active: z.number(), runs: z.array(z.number()) });

/** What Ferry's store says is still to do. */
export type Outstanding = {
  /** Verified deliveries written to `backlog` and not handled yet (a row is deleted once its handlers ran, or were given up). */
  backlog: number;
  /** Tasks not in a terminal state. */
  active: number;
  /** Ended tasks whose ending (last status edit, reaction, check run) has not reached GitHub yet. */
  unreported: number;
};

export type Handled = Outstanding & {
  done: boolean;
  /** When the store first showed nothing outstanding (or the wait gave up): performance.now() of this process. */
  at: number;
  /** Whether nothing was outstanding already at the first look, so `at` is only an upper bound. */
  atFirstLook: boolean;
  /** When the backlog was first seen empty, if it was (with `tasksEnded`, that can come before `at`). */
  backlogEmptyAt: number | undefined;
};

const terminal = TERMINAL_STATES.map(() => "?").join(", ");
const OUTSTANDING = `
  SELECT
    (SELECT count(*) FROM backlog) AS backlog,
    (SELECT count(*) FROM tasks WHERE state NOT IN (${terminal})) AS active,
    (SELECT count(*) FROM tasks AS task WHERE state IN (${terminal})
      AND coalesce((SELECT max(id) FROM events WHERE task_id = task.id AND type = 'state'), 0)
        > coalesce((SELECT max(id) FROM events WHERE task_id = task.id AND type = ?), 0)) AS unreported`;

/**
 * Waits until Ferry has handled what it acknowledged: a delivery is answered once written to
 * the `backlog` table of its store and its row is deleted once handled, so an empty backlog
 * says exactly that. With `tasksEnded`, also until no task is active and every ending has
 * reached GitHub. Reads FERRY_DATA_DIR/ferry.db read-only (WAL: never in Ferry's way),
 * every `pollMs`, for at most `timeoutMs`.
 */
export async function waitUntilHandled(dataDir: string, options: { tasksEnded: boolean; timeoutMs: number; pollMs?: number }): Promise<Handled> {
  const db = new DatabaseSync(join(dataDir, "ferry.db"), { readOnly: true, timeout: 5000 });
  const query = db.prepare(OUTSTANDING);
  const start = performance.now();
  let backlogEmptyAt: number | undefined;
  try {
    for (let look = 0; ; look++) {
      const row = query.get(...TERMINAL_STATES, ...TERMINAL_STATES, ENDING_REPORTED);
      const outstanding = { backlog: Number(row?.backlog), active: Number(row?.active), unreported: Number(row?.unreported) };
      const now = performance.now();
      if (outstanding.backlog === 0) backlogEmptyAt ??= now;
      const done = outstanding.backlog === 0 && (!options.tasksEnded || (outstanding.active === 0 && outstanding.unreported === 0));
      if (done || now - start > options.timeoutMs) return { ...outstanding, done, at: now, atFirstLook: done && look === 0, backlogEmptyAt };
      await sleep(options.pollMs ?? 100);
    }
  } finally {
    db.close();
  }
}
