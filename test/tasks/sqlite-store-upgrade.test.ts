import { expect, test } from "@jest/globals";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { MIGRATIONS, migrate } from "../../src/tasks/migrations.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { tempDir } from "./support/temp-dir.ts";

// SQLite only: a ferry.db written by an earlier build is upgraded in place. PostgreSQL starts
// from its own first schema step; the behaviour both stores share is in store-contract/.

const BRANCH = "agent/issue-7/part-1";

test("upgrading keeps the parts delivered so far as leases, a later task's winning", async () => {
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
    expect(await upgraded.pushedSha("octo-org", "widgets", BRANCH)).toBe("b".repeat(40));
    await upgraded.close();
  } finally {
    dir.remove();
  }
});
