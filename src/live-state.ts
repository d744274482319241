import type { Log } from "./logger.ts";
import type { TrajectoryRef } from "./agent/trajectory/trajectory-link.ts";
import { readTrajectoryPage, streamTrajectoryLines, type TrajectoryLineStream, type TrajectoryPage } from "./agent/trajectory/trajectory-lines.ts";
import { PostgresProgress } from "./delivery/status/postgres-progress.ts";
import { ProgressBoard, type LiveProgress } from "./delivery/status/progress-board.ts";
import type { Storage } from "./tasks/open-storage.ts";
import { createPool } from "./tasks/postgres/pool.ts";

/** What a server shows of a running task beyond the store: its live progress, and its trajectory behind a link. */
export type LiveState = {
  progress: LiveProgress;
  /** PostgreSQL, in a process that runs tasks: a copy of each run's trajectory lines in the database. */
  trajectoryLines?: (ref: TrajectoryRef) => TrajectoryLineStream;
  /** PostgreSQL: a run's trajectory from the database, for a link whose file is on another machine. */
  trajectoryPage?: (ref: TrajectoryRef, after: number) => Promise<TrajectoryPage>;
  close(): Promise<void>;
};

/**
 * SQLite: one process, so today's in-memory board, and trajectories on this disk only.
 * PostgreSQL: both through the shared database, on a small pool of their own (a progress write a
 * second per running task, trajectory batches, link pages on demand) so they never wait behind the
 * store's queries. Only a process that runs tasks listens for touches and copies trajectories.
 */
export async function openLiveState(storage: Storage, options: { works: boolean; log: Log }): Promise<LiveState> {
  const { works, log } = options;
  if (storage.kind === "sqlite") return { progress: new ProgressBoard(), close: async () => {} };
  const db = createPool({ url: storage.url, max: 3, log });
  let progress: PostgresProgress;
  try {
    progress = await PostgresProgress.open({ db, url: storage.url, log, listen: works });
  } catch (error) {
    await db.end();
    throw error;
  }
  return {
    progress,
    ...(works && { trajectoryLines: (ref: TrajectoryRef) => streamTrajectoryLines({ db, ref, log }) }),
    trajectoryPage: (ref, after) => readTrajectoryPage(db, ref, after),
    async close() {
      await progress.close();
      await db.end();
    },
  };
}
