import { expect, test } from "@jest/globals";
import pg from "pg";
import { runCheck } from "../../src/cli/doctor-check.ts";
import { databaseCheck } from "../../src/cli/doctor-database.ts";
import { PGBOSS_SCHEMA, queueCheck } from "../../src/cli/doctor-queue.ts";
import { migratePostgres } from "../../src/tasks/postgres/migrate.ts";
import { POSTGRES_MIGRATIONS, SCHEMA } from "../../src/tasks/postgres/schema.ts";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";

const check = (url: string) => runCheck(databaseCheck({ dataDir: "/unused", databaseUrl: url }), 10_000);
const where = (url: string) => `PostgreSQL at ${url.replace(/\/\/.*@/, "//[redacted]@")}`;

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

describeWithPostgres("ferry doctor against a real PostgreSQL", () => {
  const cluster = useCluster();

  test("a reachable database not migrated yet is ok, saying what creates the schema", async () => {
    const url = await cluster().createDatabase();
    expect(await check(url)).toEqual({ status: "ok", detail: `${where(url)} answers; schema ${SCHEMA} not created yet (\`ferry migrate\` or the first start does it)` });
  });

  test("a migrated database is up to date", async () => {
    const url = await cluster().createDatabase();
    await migratePostgres(url);
    expect(await check(url)).toEqual({ status: "ok", detail: `${where(url)} answers; schema version ${POSTGRES_MIGRATIONS.length}, up to date` });
  });

  test("a schema written by a newer Ferry fails", async () => {
    const url = await cluster().createDatabase();
    await migratePostgres(url);
    await sql(url, `UPDATE ${SCHEMA}.schema_version SET version = 999`);
    expect((await check(url)).detail).toBe(`${where(url)} is at schema version 999, newer than this Ferry's ${POSTGRES_MIGRATIONS.length}: run the newer Ferry, or point DATABASE_URL elsewhere`);
  });

  test("the pg-boss schema not there yet is ok when the user may create it", async () => {
    const url = await cluster().createDatabase();
    expect(await runCheck(queueCheck({ databaseUrl: url }), 10_000)).toEqual({
      status: "ok",
      detail: `pg-boss schema ${PGBOSS_SCHEMA} not created yet; the database user may create it (the first start does)`,
    });
  });

  test("the pg-boss schema, once there, is reported with its version", async () => {
    const url = await cluster().createDatabase();
    await sql(url, `CREATE SCHEMA ${PGBOSS_SCHEMA}; CREATE TABLE ${PGBOSS_SCHEMA}.version (version int); INSERT INTO ${PGBOSS_SCHEMA}.version VALUES (27)`);
    expect(await runCheck(queueCheck({ databaseUrl: url }), 10_000)).toEqual({ status: "ok", detail: `pg-boss schema ${PGBOSS_SCHEMA} is there (version 27)` });
  });
});
