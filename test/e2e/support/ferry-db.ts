import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** Opens Ferry's database read-only (never disturbing the running process), reads, closes. */
function readFerryDb<T>(dir: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(dir, "data", "ferry.db"), { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export type StoredTask = { id: number; state: string; repo: string; issue: number };

/** Ferry's tasks as its SQLite store holds them, read without disturbing the running process. */
export function tasksInDatabase(dir: string): StoredTask[] {
  return readFerryDb(dir, (db) =>
    db
      .prepare("SELECT id, state, owner, repo, issue_number FROM tasks ORDER BY id")
      .all()
      .map((row) => ({ id: Number(row.id), state: String(row.state), repo: `${String(row.owner)}/${String(row.repo)}`, issue: Number(row.issue_number) })),
  );
}

export type StoredRun = { id: number; task: number; number: number; ended: boolean; interrupted: boolean };

/** Ferry's runs (one per time a task was taken up), oldest first. */
export function runsInDatabase(dir: string): StoredRun[] {
  return readFerryDb(dir, (db) =>
    db
      .prepare("SELECT id, task_id, number, ended_at, interrupted FROM runs ORDER BY id")
      .all()
      .map((row) => ({ id: Number(row.id), task: Number(row.task_id), number: Number(row.number), ended: row.ended_at !== null, interrupted: Number(row.interrupted) === 1 })),
  );
}

export type StoredFollowUp = { id: number; task: number; kind: string; run: number | null; done: boolean; data: unknown };

/** Work queued for tasks' next runs (review feedback, retries, redirects), oldest first. */
export function followUpsInDatabase(dir: string): StoredFollowUp[] {
  return readFerryDb(dir, (db) =>
    db
      .prepare("SELECT id, task_id, kind, run_id, done_at, data FROM followups ORDER BY id")
      .all()
      .map((row) => ({
        id: Number(row.id),
        task: Number(row.task_id),
        kind: String(row.kind),
        run: row.run_id === null ? null : Number(row.run_id),
        done: row.done_at !== null,
        data: JSON.parse(String(row.data)) as unknown,
      })),
  );
}

export type TaskOrigin = { id: number; repo: string; issue: number; trigger: string; requester: string };

/** How each task came to be (`label`, `command` or `sweep`) and who asked for it, oldest first. */
export function taskOrigins(dir: string): TaskOrigin[] {
  return readFerryDb(dir, (db) =>
    db
      .prepare('SELECT id, owner, repo, issue_number, "trigger", requester FROM tasks ORDER BY id')
      .all()
      .map((row) => ({
        id: Number(row.id),
        repo: `${String(row.owner)}/${String(row.repo)}`,
        issue: Number(row.issue_number),
        trigger: String(row.trigger),
        requester: String(row.requester),
      })),
  );
}

/** The ids of the webhook deliveries Ferry has handled (marked seen once their work succeeded). */
export function deliveriesInDatabase(dir: string): string[] {
  return readFerryDb(dir, (db) =>
    db
      .prepare("SELECT id FROM deliveries ORDER BY seen_at")
      .all()
      .map((row) => String(row.id)),
  );
}
