import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export type StoredTask = { id: number; state: string; repo: string; issue: number };

/** Ferry's tasks as its SQLite store holds them, read without disturbing the running process. */
export function tasksInDatabase(dir: string): StoredTask[] {
  const db = new DatabaseSync(join(dir, "data", "ferry.db"), { readOnly: true });
  try {
    return db
      .prepare("SELECT id, state, owner, repo, issue_number FROM tasks ORDER BY id")
      .all()
      .map((row) => ({ id: Number(row.id), state: String(row.state), repo: `${String(row.owner)}/${String(row.repo)}`, issue: Number(row.issue_number) }));
  } finally {
    db.close();
  }
}
