import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export type StoredTask = { id: number; issue: number; state: string };

/** What Ferry's store holds after it stopped: its tasks, and how many deliveries it marked seen. */
export function readStore(dataDir: string): { tasks: StoredTask[]; seenDeliveries: number } {
  const db = new DatabaseSync(join(dataDir, "ferry.db"), { readOnly: true });
  try {
    const tasks = db
      .prepare("SELECT id, issue_number, state FROM tasks ORDER BY id")
      .all()
      .map((row) => ({ id: Number(row.id), issue: Number(row.issue_number), state: String(row.state) }));
    const seen = db.prepare("SELECT count(*) AS seen FROM deliveries").get();
    return { tasks, seenDeliveries: Number(seen?.seen ?? 0) };
  } finally {
    db.close();
  }
}
