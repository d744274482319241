import pg from "pg";
import type { Log } from "../../logger.ts";

const INT8 = 20;
const JSON_TYPE = 114;
const TIMESTAMPTZ = 1184;

/** bigint ids and counts as numbers: Ferry's never pass 2^53, and one that did must not be rounded silently. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`A PostgreSQL bigint (${text}) is beyond JavaScript's safe integers.`);
  return value;
}

const builtinTimestamp: (text: string) => unknown = pg.types.getTypeParser(TIMESTAMPTZ, "text");

/** Timestamps as the ISO strings the model carries (and SQLite stores), whatever the session's time zone. */
function parseTimestamp(text: string): string {
  const value = builtinTimestamp(text);
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new Error(`A PostgreSQL timestamp (${text}) is not a date Ferry can read.`);
  return value.toISOString();
}

/**
 * The driver's values normalised to what the row parsers (sqlite-rows.ts) read: numbers, ISO
 * strings and JSON as its text, so both stores validate their rows with the same schemas. Per pool,
 * so no other user of `pg` in the process is affected.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: (id: number, format?: "text" | "binary") => {
    if (format === "binary") return pg.types.getTypeParser(id, format);
    if (id === INT8) return parseInt8;
    if (id === TIMESTAMPTZ) return parseTimestamp;
    if (id === JSON_TYPE) return (text: string) => text;
    return pg.types.getTypeParser(id, format);
  },
};

export type PoolOptions = { url: string; max?: number; log?: Pick<Log, "warn"> };

/** A pool on the database; an idle connection that breaks (a database restart) is logged and replaced, not fatal. */
export function createPool(options: PoolOptions): pg.Pool {
  // A pool that cannot hand out a connection in 10 s (a database gone, every connection stuck) fails the call with pg's message instead of waiting for ever.
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, types, application_name: "ferry", connectionTimeoutMillis: 10_000 });
  pool.on("error", (error) => options.log?.warn({ err: error }, "an idle PostgreSQL connection failed; the pool opens another"));
  return pool;
}

/** Anything a query can run on: the pool, or one connection inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** The rows of a query, unknown until a row parser has read them. */
export async function rowsOf(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<unknown[]> {
  const result = await db.query<Record<string, unknown>>(sql, [...params]);
  return result.rows;
}

export async function firstRow(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<unknown> {
  const rows = await rowsOf(db, sql, params);
  return rows[0];
}

/** How many rows a write touched. */
export async function changes(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result = await db.query(sql, [...params]);
  return result.rowCount ?? 0;
}

/**
 * Runs `work` in one transaction on one connection. READ COMMITTED, as PostgreSQL defaults to:
 * each read-then-write takes the row locks (FOR UPDATE, advisory locks) it depends on.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const value = await work(client);
    await client.query("COMMIT");
    client.release();
    return value;
  } catch (error) {
    // A connection whose ROLLBACK failed is in an unknown state: it leaves the pool.
    await client.query("ROLLBACK").then(
      () => client.release(),
      (rollbackError: unknown) => client.release(rollbackError instanceof Error ? rollbackError : true),
    );
    throw error;
  }
}
