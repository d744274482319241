import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { migrate } from "./migrations.ts";

export const DATABASE_FILE = "ferry.db";

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Where the database of a data directory lives. */
export const databaseFile = (dataDir: string): string => join(dataDir, DATABASE_FILE);

/** Opens `<dataDir>/ferry.db` (creating the directory) or, for ":memory:", a throwaway database; migrated. */
export function openDatabase(dataDir: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): DatabaseSync {
  const location = dataDir === ":memory:" ? dataDir : prepareDirectory(dataDir);
  const db = new DatabaseSync(location);
  try {
    // WAL lets readers proceed while a task writes; foreign keys are off by default in SQLite.
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode, NORMAL syncs at checkpoints rather than on every commit: a commit survives
    // the process being killed, and only the last ones can be lost to a power cut. Storing a
    // webhook before answering it stays well under a millisecond.
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    db.exec("PRAGMA foreign_keys = ON");
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The data directory and the database are Ferry's user's alone, whatever the umask: SQLite gives
 * its -wal and -shm files the database's mode, so creating it 0600 first covers them too.
 */
function prepareDirectory(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = databaseFile(dataDir);
  closeSync(openSync(file, "a", 0o600));
  // One made before Ferry set modes is tightened; only its owner may, so another's is left as is.
  for (const [path, mode] of [[dataDir, 0o700], [file, 0o600]] as const) {
    try {
      chmodSync(path, mode);
    } catch {
      // Not ours to change (a mount owned by someone else): the operator's choice stands.
    }
  }
  return file;
}

/** Whether a commit that fills the write-ahead log past 1,000 pages copies it into the database itself (SQLite's default). */
export function setAutoCheckpoint(db: DatabaseSync, on: boolean): void {
  db.exec(`PRAGMA wal_autocheckpoint = ${on ? 1000 : 0}`);
}
