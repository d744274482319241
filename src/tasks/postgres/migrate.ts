import type pg from "pg";
import { z } from "zod";
import type { Log } from "../../logger.ts";
import { UnsupportedSchemaError } from "../migrations.ts";
import { createPool, firstRow, inTransaction } from "./pool.ts";
import { POSTGRES_MIGRATIONS, SCHEMA } from "./schema.ts";

/**
 * The advisory lock every Ferry process takes to migrate: the first to start applies the steps,
 * the others wait for its commit and find nothing left to do. A constant of Ferry's own.
 */
export const MIGRATION_LOCK = 0x4665_7272_7931;

export class UnsupportedPostgresSchemaError extends UnsupportedSchemaError {
  constructor(found: number, known: number) {
    super(found, known);
    this.message =
      `The database's ${SCHEMA} schema is version ${found}, but this build of Ferry only knows versions up to ${known}. ` +
      "It was written by a newer Ferry: run that version, or point DATABASE_URL at another database.";
  }
}

export type MigrationReport = { applied: number; current: number };

const Version = z.object({ version: z.number().int().nonnegative() });

/** Brings Ferry's schema in the database up to date, once, whoever else starts at the same time. */
export async function migratePostgres(url: string, log?: Pick<Log, "info" | "warn">): Promise<MigrationReport> {
  const pool = createPool({ url, max: 1, log });
  try {
    return await migratePool(pool, log);
  } finally {
    await pool.end();
  }
}

/** The same on a pool the caller keeps (the store opens its own). */
export async function migratePool(pool: pg.Pool, log?: Pick<Log, "info">, migrations: readonly string[] = POSTGRES_MIGRATIONS): Promise<MigrationReport> {
  const report = await inTransaction(pool, async (client) => {
    // Transaction-scoped: released by COMMIT or ROLLBACK, so a process that dies mid-step leaves no lock behind.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_version (version integer NOT NULL)`);
    const found = Version.safeParse(await firstRow(client, `SELECT version FROM ${SCHEMA}.schema_version`));
    const current = found.success ? found.data.version : 0;
    if (!found.success) await client.query(`INSERT INTO ${SCHEMA}.schema_version (version) VALUES (0)`);
    if (current > migrations.length) throw new UnsupportedPostgresSchemaError(current, migrations.length);
    // DDL is transactional in PostgreSQL: every step commits together with the version, or none does.
    for (const [index, step] of migrations.entries()) {
      if (index < current) continue;
      await client.query(step);
    }
    await client.query(`UPDATE ${SCHEMA}.schema_version SET version = $1`, [migrations.length]);
    return { applied: migrations.length - current, current: migrations.length };
  });
  if (report.applied > 0) log?.info({ schema: SCHEMA, applied: report.applied, version: report.current }, "migrated the PostgreSQL schema");
  return report;
}
