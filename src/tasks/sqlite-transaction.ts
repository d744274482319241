import type { DatabaseSync } from "node:sqlite";

/**
 * Runs `work` in one write transaction. IMMEDIATE takes the write lock up front, so a
 * read-then-write inside `work` cannot be overtaken by another connection.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const value = work();
    db.exec("COMMIT");
    return value;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
