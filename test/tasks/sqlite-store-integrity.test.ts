import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";

// These tests open the store's file directly, as an operator or another build might.
let dir: ReturnType<typeof tempDir>;
let store: SqliteStore;
let raw: DatabaseSync;
beforeEach(() => {
  dir = tempDir();
  store = new SqliteStore({ dataDir: dir.path });
  raw = new DatabaseSync(join(dir.path, "ferry.db"));
});
afterEach(() => {
  raw.close();
  store.close();
  dir.remove();
});

test("stored events cannot be changed", () => {
  const { task } = store.createTask(newTask());
  store.appendEvent(task.id, "tool-call", { tool: "shell" });
  expect(() => raw.exec("UPDATE events SET type = 'edited'")).toThrow("events are append-only");
  expect(store.listEvents(task.id).map((event) => event.type)).toEqual(["tool-call"]);
});

test("stored events cannot be deleted", () => {
  const { task } = store.createTask(newTask());
  store.appendEvent(task.id, "tool-call");
  expect(() => raw.exec("DELETE FROM events")).toThrow("events are append-only");
  expect(store.listEvents(task.id)).toHaveLength(1);
});

test("a stored result that is not a valid TaskResult is refused when read", () => {
  const { task } = store.createTask(newTask());
  raw.prepare("UPDATE tasks SET result = ? WHERE id = ?").run(JSON.stringify({ outcome: "merged" }), task.id);
  expect(() => store.getTask(task.id)).toThrow(`Task ${task.id} has a stored result that is not a valid TaskResult`);
});

test("a stored state the model does not know is refused when read", () => {
  const { task } = store.createTask(newTask());
  raw.exec("PRAGMA ignore_check_constraints = ON");
  raw.prepare("UPDATE tasks SET state = 'paused' WHERE id = ?").run(task.id);
  expect(() => store.getTask(task.id)).toThrow(/state/);
});

test("the database itself refuses a second active task for an issue, whatever the case of its names", () => {
  store.createTask(newTask());
  const insert = raw.prepare(`INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number,
    "trigger", requester, state, created_at, updated_at) VALUES ('OCTO-ORG', 'Widgets', 42, 'x', 'main', 7, 'label',
    'hubot', 'running', 'now', 'now')`);
  expect(() => insert.run()).toThrow(/UNIQUE constraint failed/);
});

test("a task created through a second connection to the same file is seen as the active one", () => {
  const other = new SqliteStore({ dataDir: dir.path });
  const first = other.createTask(newTask());
  expect(store.createTask(newTask())).toEqual({ created: false, task: first.task });
  other.close();
});
