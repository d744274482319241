import { beforeEach, expect, test } from "@jest/globals";
import pg from "pg";
import { UnsupportedSchemaError } from "../../../src/tasks/migrations.ts";
import { migratePool, migratePostgres } from "../../../src/tasks/postgres/migrate.ts";
import { createPool } from "../../../src/tasks/postgres/pool.ts";
import { POSTGRES_MIGRATIONS } from "../../../src/tasks/postgres/schema.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { recordingLog } from "../../helpers/recording-log.ts";

const STEPS = POSTGRES_MIGRATIONS.length;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeWithPostgres("migrating the PostgreSQL schema", () => {
  const cluster = useCluster();
  let url: string;
  beforeEach(async () => {
    url = await cluster().createDatabase();
  });

  test("a fresh database gets every step; a second run applies none", async () => {
    expect(await migratePostgres(url)).toEqual({ applied: STEPS, current: STEPS });
    expect(await migratePostgres(url)).toEqual({ applied: 0, current: STEPS });
  });

  test("several processes starting at once apply each step once, and none fails", async () => {
    const reports = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url)));
    expect(reports.map((report) => report.applied).sort()).toEqual([0, 0, 0, STEPS]);
    expect(reports.every((report) => report.current === STEPS)).toBe(true);
  });

  test("Ferry's tables live in its own schema, leaving public to others (pg-boss has its own)", async () => {
    await migratePostgres(url);
    expect(await query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
    expect(await query(url, "SELECT 1 FROM information_schema.tables WHERE table_schema = 'ferry' AND table_name = 'tasks'")).toHaveLength(1);
  });

  test("what was applied is logged once, by the process that applied it", async () => {
    const log = recordingLog();
    await migratePostgres(url, log);
    await migratePostgres(url, log);
    expect(log.lines).toEqual([{ level: "info", fields: { schema: "ferry", applied: STEPS, version: STEPS }, message: "migrated the PostgreSQL schema" }]);
  });

  test("a schema written by a newer Ferry is refused, naming what to do", async () => {
    await migratePostgres(url);
    await query(url, "UPDATE ferry.schema_version SET version = 99");
    const refused = migratePostgres(url);
    await expect(refused).rejects.toThrow(UnsupportedSchemaError);
    await expect(migratePostgres(url)).rejects.toThrow(`schema is version 99, but this build of Ferry only knows versions up to ${STEPS}`);
    await expect(migratePostgres(url)).rejects.toThrow("point DATABASE_URL at another database");
  });

  test("a step that fails leaves the schema as it was: no table of it, no version", async () => {
    const pool = createPool({ url });
    try {
      await expect(migratePool(pool, undefined, ["CREATE TABLE ferry.first (id int)", "CREATE TABLE ferry.broken (id no_such_type)"])).rejects.toThrow(/no_such_type/);
    } finally {
      await pool.end();
    }
    expect(await query(url, "SELECT 1 FROM information_schema.schemata WHERE schema_name = 'ferry'")).toEqual([]);
  });
});
