import { afterEach, beforeEach, expect, test } from "@jest/globals";
import pg from "pg";
import { migratePostgres } from "../../../src/tasks/postgres/migrate.ts";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import type { PostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { newTask } from "../support/new-task.ts";

// PostgreSQL only: what its driver hands back is normalised before the shared row parsers read it.
describeWithPostgres("PostgreSQL values at the store's boundary", () => {
  const cluster = useCluster();
  let url: string;
  let store: PostgresStore;
  let sql: pg.Client;
  beforeEach(async () => {
    url = await cluster().createDatabase();
    await migratePostgres(url);
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    await store.close();
  });

  test("timestamps read back as UTC ISO strings whatever the database's time zone", async () => {
    await sql.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET timezone TO 'Asia/Kolkata'`);
    store = await openPostgresStore({ url, now: () => new Date("2025-01-01T00:00:00.000Z") });
    const { task } = await store.createTask(newTask());
    expect((await store.getTask(task.id))?.createdAt).toBe("2025-01-01T00:00:00.000Z");
  });

  test("a bigint beyond JavaScript's safe integers is refused, not rounded", async () => {
    store = await openPostgresStore({ url });
    const { task } = await store.createTask(newTask());
    await sql.query("UPDATE ferry.tasks SET installation_id = 9007199254740993 WHERE id = $1", [task.id]);
    await expect(store.getTask(task.id)).rejects.toThrow("A PostgreSQL bigint (9007199254740993) is beyond JavaScript's safe integers.");
  });

  test("the trajectory cannot be emptied with TRUNCATE either", async () => {
    store = await openPostgresStore({ url });
    const { task } = await store.createTask(newTask());
    await store.appendEvent(task.id, "tool-call");
    await expect(sql.query("TRUNCATE ferry.events")).rejects.toThrow("events are append-only");
    expect(await store.listEvents(task.id)).toHaveLength(1);
  });

  test("a store closed twice is closed once", async () => {
    store = await openPostgresStore({ url });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
