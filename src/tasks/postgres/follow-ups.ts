import type pg from "pg";
import type { FollowUp, NewFollowUp } from "../model.ts";
import { toFollowUp } from "../sqlite-rows.ts";
import { changes, firstRow, inTransaction, rowsOf } from "./pool.ts";
import { SCHEMA } from "./schema.ts";

const S = SCHEMA;

/**
 * The follow-up queue of the PostgreSQL store. Batches are absorbed under the task's row lock, so a
 * review comment arriving on one server while a worker takes the batch on another either joins the
 * batch before the take or starts a new follow-up after it, never a batch already taken.
 */
export async function addFollowUp(pool: pg.Pool, at: string, taskId: number, input: NewFollowUp, merge?: (existing: unknown) => unknown): Promise<FollowUp> {
  return inTransaction(pool, async (client) => {
    const readyAt = input.readyAt ?? at;
    if (input.batch !== undefined) {
      await client.query(`SELECT 1 FROM ${S}.tasks WHERE id = $1 FOR NO KEY UPDATE`, [taskId]);
      const open = await firstRow(client, `SELECT * FROM ${S}.followups WHERE task_id = $1 AND batch = $2 AND done_at IS NULL AND run_id IS NULL ORDER BY id LIMIT 1 FOR UPDATE`, [taskId, input.batch]);
      if (open) {
        const existing = toFollowUp(open);
        const data = merge ? merge(existing.data) : input.data;
        return toFollowUp(await firstRow(client, `UPDATE ${S}.followups SET data = $1, ready_at = $2 WHERE id = $3 RETURNING *`, [JSON.stringify(data), readyAt, existing.id]));
      }
    }
    const row = await firstRow(
      client,
      `INSERT INTO ${S}.followups (task_id, kind, author, data, batch, created_at, ready_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [taskId, input.kind, input.author, JSON.stringify(input.data ?? null), input.batch ?? null, at, readyAt],
    );
    return toFollowUp(row);
  });
}

/**
 * One UPDATE: the oldest open, ready follow-up gets the run. A take racing a batch's absorption waits
 * for the follow-up's row lock, so the data it returns is the data the run was given.
 */
export async function takeFollowUp(pool: pg.Pool, at: string, taskId: number, runId: number): Promise<FollowUp | undefined> {
  const row = await firstRow(
    pool,
    `UPDATE ${S}.followups SET run_id = $1
     WHERE id = (SELECT id FROM ${S}.followups WHERE task_id = $2 AND done_at IS NULL AND ready_at <= $3 ORDER BY id LIMIT 1 FOR UPDATE)
     RETURNING *`,
    [runId, taskId, at],
  );
  return row ? toFollowUp(row) : undefined;
}

export async function settleFollowUps(pool: pg.Pool, at: string, taskId: number): Promise<void> {
  await changes(pool, `UPDATE ${S}.followups SET done_at = $1 WHERE task_id = $2 AND done_at IS NULL AND run_id IS NOT NULL`, [at, taskId]);
}

export async function dropFollowUps(pool: pg.Pool, at: string, taskId: number): Promise<void> {
  await changes(pool, `UPDATE ${S}.followups SET done_at = $1 WHERE task_id = $2 AND done_at IS NULL`, [at, taskId]);
}

export async function openFollowUps(pool: pg.Pool, taskId: number): Promise<FollowUp[]> {
  return (await rowsOf(pool, `SELECT * FROM ${S}.followups WHERE task_id = $1 AND done_at IS NULL ORDER BY id`, [taskId])).map(toFollowUp);
}

export async function tasksWithOpenFollowUps(pool: pg.Pool): Promise<number[]> {
  const rows = await rowsOf(pool, `SELECT DISTINCT task_id FROM ${S}.followups WHERE done_at IS NULL AND run_id IS NULL ORDER BY task_id`);
  return rows.map((row) => toFollowUpTaskId(row));
}

function toFollowUpTaskId(row: unknown): number {
  if (typeof row === "object" && row !== null && "task_id" in row && typeof row.task_id === "number") return row.task_id;
  throw new Error("A follow-up row has no numeric task_id.");
}
