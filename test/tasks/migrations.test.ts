import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { z } from "zod";
import { migrate, MIGRATIONS, schemaVersion, UnsupportedSchemaError } from "../../src/tasks/migrations.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";

let dir: ReturnType<typeof tempDir>;
beforeEach(async () => {
  dir = tempDir();
});
afterEach(async () => dir.remove());

const Count = z.object({ count: z.number() });
const countRows = (db: DatabaseSync, table: string): number =>
  Count.parse(db.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get()).count;

test("a new database is brought to the latest schema version", async () => {
  const db = new DatabaseSync(":memory:");
  migrate(db);
  expect(schemaVersion(db)).toBe(MIGRATIONS.length);
});

test("migrating an up-to-date database again applies no step twice", async () => {
  const steps = ["CREATE TABLE applied (step INTEGER)", "INSERT INTO applied VALUES (2)"];
  const db = new DatabaseSync(join(dir.path, "steps.db"));
  migrate(db, steps);
  migrate(db, steps);
  expect(countRows(db, "applied")).toBe(1);
  expect(schemaVersion(db)).toBe(2);
  db.close();
});

test("only the steps added since the last migration are applied", async () => {
  const db = new DatabaseSync(":memory:");
  migrate(db, ["CREATE TABLE applied (step INTEGER)", "INSERT INTO applied VALUES (2)"]);
  migrate(db, ["CREATE TABLE applied (step INTEGER)", "INSERT INTO applied VALUES (2)", "INSERT INTO applied VALUES (3)"]);
  expect(db.prepare("SELECT step FROM applied ORDER BY step").all()).toEqual([{ step: 2 }, { step: 3 }]);
});

test("a failing step leaves the database as it was", async () => {
  const db = new DatabaseSync(":memory:");
  expect(() => migrate(db, ["CREATE TABLE kept (x INTEGER)", "THIS IS NOT SQL"])).toThrow();
  expect(schemaVersion(db)).toBe(0);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'kept'").get()).toBeUndefined();
});

test("the store creates its data directory and keeps its data when reopened", async () => {
  const dataDir = join(dir.path, "nested", "data");
  const first = new SqliteStore({ dataDir });
  const { task } = await first.createTask(newTask());
  await first.close();
  expect(existsSync(join(dataDir, "ferry.db"))).toBe(true);

  const second = new SqliteStore({ dataDir });
  expect(await second.getTask(task.id)).toEqual(task);
  await second.close();
});

test("the store opens its database in WAL mode", async () => {
  await new SqliteStore({ dataDir: dir.path }).close();
  const db = new DatabaseSync(join(dir.path, "ferry.db"));
  expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
  db.close();
});

test("the store enforces foreign keys", async () => {
  const store = new SqliteStore({ dataDir: dir.path });
  await expect(store.startRun(999)).rejects.toThrow(/FOREIGN KEY/);
  await store.close();
});

test("a database written by a newer Ferry is refused with a message saying so", async () => {
  const db = new DatabaseSync(join(dir.path, "ferry.db"));
  db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
  db.close();
  expect(() => new SqliteStore({ dataDir: dir.path })).toThrow(UnsupportedSchemaError);
  expect(() => new SqliteStore({ dataDir: dir.path })).toThrow(
    `The database schema is version ${MIGRATIONS.length + 1}, but this build of Ferry only knows versions up to ${MIGRATIONS.length}.`,
  );
});

test("a database from before inbox kinds keeps its inbox messages, as redirects", async () => {
  const db = new DatabaseSync(join(dir.path, "ferry.db"));
  migrate(db, MIGRATIONS.slice(0, 1));
  db.exec(`
    INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger", requester,
                       state, created_at, updated_at)
    VALUES ('octo-org', 'widgets', 42, 'https://github.com/octo-org/widgets.git', 'main', 7, 'label', 'monalisa',
            'running', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    INSERT INTO inbox (task_id, author, body, received_at) VALUES (1, 'monalisa', 'use the v2 API', '2025-01-01T00:00:01.000Z');
  `);
  db.close();

  const store = new SqliteStore({ dataDir: dir.path });
  expect(await store.takeInbox(1)).toMatchObject([{ kind: "redirect", author: "monalisa", body: "use the v2 API" }]);
  await store.close();
});

test("a database from before step 10 holding the placeholder runner's result still opens: the task reads as no-changes, its note kept", async () => {
  const file = join(dir.path, "ferry.db");
  const db = new DatabaseSync(file);
  migrate(db, MIGRATIONS.slice(0, 9));
  const at = "2026-01-01T00:00:00.000Z";
  db.prepare(
    `INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger", requester, state, created_at, updated_at, result)
     VALUES ('octo', 'app', 1, 'https://github.com/octo/app.git', 'main', 3, 'label', 'mona', 'done', ?, ?, ?)`,
  ).run(at, at, JSON.stringify({ outcome: "placeholder", message: "No code was changed." }));
  db.close();

  const store = new SqliteStore({ dataDir: dir.path });
  const [task] = await store.listTasks(["done"]);
  await store.close();

  expect(task?.result).toEqual({
    outcome: "no-changes",
    summary: "No code was changed.",
    spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 },
  });
});

test("step 10 leaves every other result as it was", async () => {
  const db = new DatabaseSync(":memory:");
  migrate(db, MIGRATIONS.slice(0, 9));
  const error = JSON.stringify({ outcome: "error", message: "placeholder" });
  db.prepare(
    `INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger", requester, state, created_at, updated_at, result)
     VALUES ('octo', 'app', 1, 'https://github.com/octo/app.git', 'main', 3, 'label', 'mona', 'failed', 'x', 'x', ?)`,
  ).run(error);
  migrate(db);
  expect(db.prepare("SELECT result FROM tasks").get()).toEqual({ result: error });
});
