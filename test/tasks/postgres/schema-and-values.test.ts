import { afterEach, beforeEach, expect, test } from "@jest/globals";
import pg from "pg";
import { migratePostgres } from "../../../src/tasks/postgres/migrate.ts";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import type { PostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { waitFor } from "../../helpers/process.ts";
import { newTask } from "../support/new-task.ts";

// PostgreSQL only: guards SQLite keeps with its single writer, held here by the schema, and what
// the driver hands back, normalised before the row parsers shared with SQLite read it.
describeWithPostgres("the PostgreSQL schema's guards and values", () => {
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

  test("the database refuses a second open, untaken follow-up of one batch", async () => {
    store = await openPostgresStore({ url });
    const { task } = await store.createTask(newTask());
    await store.addFollowUp(task.id, { kind: "review", author: "a", data: [1], batch: "pull-4" });
    const insert = "INSERT INTO ferry.followups (task_id, kind, author, data, batch, created_at, ready_at) VALUES ($1, 'review', 'b', '[2]', 'pull-4', now(), now())";
    await expect(sql.query(insert, [task.id])).rejects.toThrow('duplicate key value violates unique constraint "followups_one_open_batch"');
  });

  test("the database refuses a second waiting delivery of one body", async () => {
    store = await openPostgresStore({ url });
    await store.acceptDelivery({ id: "d-1", event: "issues", payload: { action: "labeled" } });
    const insert = "INSERT INTO ferry.backlog (id, event, payload, received_at, body_hash) SELECT 'd-2', event, payload, received_at, body_hash FROM ferry.backlog";
    await expect(sql.query(insert)).rejects.toThrow('duplicate key value violates unique constraint "backlog_body_hash_key"');
  });

  test("a task queued again while another server creates its issue's task gets the operator's message, not the index's", async () => {
    store = await openPostgresStore({ url });
    const { task } = await store.createTask(newTask());
    await store.transition(task.id, "failed", { result: { outcome: "error", message: "boom" } });
    await sql.query("BEGIN");
    const created = await sql.query(`INSERT INTO ferry.tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger", requester, state, created_at, updated_at)
      VALUES ('octo-org', 'widgets', 42, 'x', 'main', 7, 'label', 'hubot', 'queued', now(), now()) RETURNING id`);
    const requeued = store.transition(task.id, "queued");
    requeued.catch(() => undefined);
    // The other server's task is not committed yet: the store's check passes, and its update waits on the index.
    await waitFor("the requeue to wait on the unique index", async () => ((await sql.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rowCount ? true : undefined));
    await sql.query("COMMIT");
    await expect(requeued).rejects.toThrow(`Task ${task.id} cannot run again: issue octo-org/widgets#7 already has an active task, ${String(created.rows[0]?.["id"])}.`);
  });

  test("a store closed twice is closed once", async () => {
    store = await openPostgresStore({ url });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
