import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { MIGRATIONS, migrate } from "../../src/tasks/migrations.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { newTask } from "./support/new-task.ts";
import { tempDir } from "./support/temp-dir.ts";

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:" });
});
afterEach(() => store.close());

const BRANCH = "agent/issue-7/part-1";

test("a branch Ferry never pushed has no lease", () => {
  expect(store.pushedSha("octo-org", "widgets", BRANCH)).toBeUndefined();
});

test("the last push to a branch is its lease, whichever task made it", () => {
  store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
  store.recordPush("octo-org", "widgets", BRANCH, "b".repeat(40));
  expect(store.pushedSha("octo-org", "widgets", BRANCH)).toBe("b".repeat(40));
});

test("leases are per repository (names compared as GitHub does, without case) and per branch", () => {
  store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
  expect(store.pushedSha("Octo-Org", "Widgets", BRANCH)).toBe("a".repeat(40));
  expect(store.pushedSha("octo-org", "gadgets", BRANCH)).toBeUndefined();
  expect(store.pushedSha("octo-org", "widgets", "agent/issue-7/part-2")).toBeUndefined();
});

test("a branch Ferry deleted has no lease any more", () => {
  store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
  store.recordPush("octo-org", "widgets", BRANCH, null);
  expect(store.pushedSha("octo-org", "widgets", BRANCH)).toBeUndefined();
});

test("upgrading keeps the parts delivered so far as leases, a later task's winning", () => {
  const dir = tempDir();
  try {
    const db = new DatabaseSync(join(dir.path, "ferry.db"));
    migrate(db, MIGRATIONS.slice(0, 6));
    const insertTask = db.prepare(`INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger", requester, state, created_at, updated_at)
      VALUES ('octo-org', 'widgets', 42, 'https://github.com/octo-org/widgets.git', 'main', 7, 'label', 'monalisa', 'done', '2025-01-01T00:00:00Z', ?)`);
    const first = Number(insertTask.run("2025-01-01T00:00:00Z").lastInsertRowid);
    const second = Number(insertTask.run("2025-01-02T00:00:00Z").lastInsertRowid);
    const insertPart = db.prepare("INSERT INTO parts (task_id, idx, branch, number, url, head_sha) VALUES (?, 1, ?, ?, 'u', ?)");
    insertPart.run(first, BRANCH, 40, "a".repeat(40));
    insertPart.run(second, BRANCH, 41, "b".repeat(40));
    db.close();
    const upgraded = new SqliteStore({ dataDir: dir.path });
    expect(upgraded.pushedSha("octo-org", "widgets", BRANCH)).toBe("b".repeat(40));
    upgraded.close();
  } finally {
    dir.remove();
  }
});

test("leases survive a restart", () => {
  const dir = tempDir();
  try {
    const first = new SqliteStore({ dataDir: dir.path });
    first.createTask(newTask());
    first.recordPush("octo-org", "widgets", BRANCH, "c".repeat(40));
    first.close();
    const second = new SqliteStore({ dataDir: dir.path });
    expect(second.pushedSha("octo-org", "widgets", BRANCH)).toBe("c".repeat(40));
    second.close();
  } finally {
    dir.remove();
  }
});
