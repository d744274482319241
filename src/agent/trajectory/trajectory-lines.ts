import { z } from "zod";
import type { Log } from "../../logger.ts";
import type { SqlQuery } from "../../tasks/sql-query.ts";
import { SCHEMA } from "../../tasks/postgres/schema.ts";
import type { TrajectoryRef } from "./trajectory-link.ts";

/**
 * The trajectory writer caps each string at 8,000 characters, not a line: an event with many
 * strings can still make an absurd one. Past this, the database keeps a marker and the line's head
 * (the file on the worker keeps it whole).
 */
export const MAX_LINE_CHARS = 200_000;
/** A run's lines in the database stop here, with a marker: a runaway run cannot fill the database. */
export const MAX_RUN_CHARS = 64_000_000;
/** Lines read per page when a link is served: at most ~10 M characters in memory at once. */
export const PAGE_LINES = 50;
const BATCH_LINES = 200;
const FLUSH_MS = 250;
/** Lines kept for a retry while the database is away; past this the copy stops (the file has everything). */
const MAX_PENDING_LINES = 5_000;

const INSERT = `INSERT INTO ${SCHEMA}.trajectory_lines (task_id, run, line, text)
  SELECT $1, $2, n, t FROM unnest($3::int[], $4::text[]) AS lines (n, t) ON CONFLICT DO NOTHING`;
const LAST_LINE = `SELECT coalesce(max(line), 0)::int AS last FROM ${SCHEMA}.trajectory_lines WHERE task_id = $1 AND run = $2`;
const PAGE = `SELECT line, text FROM ${SCHEMA}.trajectory_lines WHERE task_id = $1 AND run = $2 AND line > $3 ORDER BY line LIMIT $4`;

const Last = z.object({ last: z.number().int().nonnegative() });
const Line = z.object({ line: z.number().int().positive(), text: z.string() });

export type TrajectoryLineStream = {
  push(line: string): void;
  /** Writes what is left; never rejects (a failure is logged: the file still has the run). */
  close(): Promise<void>;
};

/** A line the database keeps as it is, or a marker with its head. */
export function boundedLine(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  return JSON.stringify({ type: "line-cut", chars: line.length, head: line.slice(0, 4_000) });
}

/**
 * Copies a run's trajectory lines to `trajectory_lines` as they are written, in batches (every
 * 250 ms or 200 lines), numbered after any lines the run already has there (a resumed run). A
 * batch that fails is tried again with the same numbers, so a retry never duplicates a line.
 */
export function streamTrajectoryLines(options: { db: SqlQuery; ref: TrajectoryRef; log: Log; flushMs?: number; maxRunChars?: number }): TrajectoryLineStream {
  const { db, ref, log } = options;
  const maxRunChars = options.maxRunChars ?? MAX_RUN_CHARS;
  let pending: string[] = [];
  let chars = 0;
  let stopped = false;
  let written: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();

  const write = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      written ??= Last.parse((await db.query(LAST_LINE, [ref.taskId, ref.run])).rows[0]).last;
      const numbers = batch.map((_line, index) => (written ?? 0) + index + 1);
      await db.query(INSERT, [ref.taskId, ref.run, numbers, batch]);
      written += batch.length;
    } catch (error) {
      pending = [...batch, ...pending];
      if (pending.length > MAX_PENDING_LINES) {
        stopped = true;
        pending = [];
        log.warn({ err: error, task: ref.taskId, run: ref.run }, "gave up copying the trajectory to the database; the worker's file keeps it whole");
      } else log.warn({ err: error, task: ref.taskId, run: ref.run }, "could not copy trajectory lines to the database; trying again");
    }
  };
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    chain = chain.then(write);
    return chain;
  };

  return {
    push(line) {
      if (stopped) return;
      let kept = boundedLine(line);
      chars += kept.length;
      if (chars > maxRunChars) {
        stopped = true;
        kept = JSON.stringify({ type: "trajectory-cut", reason: `the run's trajectory passed ${maxRunChars} characters; the rest is in the worker's file` });
      }
      pending.push(kept);
      if (pending.length >= BATCH_LINES || stopped) void flush();
      else timer ??= setTimeout(() => void flush(), options.flushMs ?? FLUSH_MS);
    },
    async close() {
      await flush();
      // One more try for a batch that failed just now.
      if (pending.length > 0) await flush();
    },
  };
}

export type TrajectoryPage = { lines: string[]; last: number };

/** Up to PAGE_LINES of a run's lines after line `after`, and the number of the last one given. */
export async function readTrajectoryPage(db: SqlQuery, ref: TrajectoryRef, after: number): Promise<TrajectoryPage> {
  const rows = (await db.query(PAGE, [ref.taskId, ref.run, after, PAGE_LINES])).rows.map((row) => Line.parse(row));
  return { lines: rows.map((row) => row.text), last: rows.at(-1)?.line ?? after };
}
