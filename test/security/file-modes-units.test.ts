import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JsonlTrajectory, trajectoryPathFor } from "../../src/agent/trajectory/jsonl-trajectory.ts";
import { JournalWriter, segmentPath } from "../../src/intake/webhook-server/journal.ts";
import { openDatabase } from "../../src/tasks/open-database.ts";

// Attack: another account on the Ferry host reads private code and issue text from what Ferry
// keeps (a world-readable database, webhook journal or trajectory). Each is now created
// owner-only by its own code, whatever the umask of whoever started the process.
let root: string;
let umask: number;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "ferry-modes-"));
  umask = process.umask(0);
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

test("the data directory is 0700 and the database with its -wal and -shm files 0600", () => {
  const dataDir = join(root, "db", "data");
  const db = openDatabase(dataDir);
  try {
    // Open: SQLite removes -wal and -shm when the last connection closes.
    db.exec("CREATE TABLE scratch (x)");
    const files = readdirSync(dataDir).filter((name) => name.startsWith("ferry.db"));
    expect(files.sort()).toEqual(["ferry.db", "ferry.db-shm", "ferry.db-wal"]);
    expect([modeOf(dataDir), ...files.map((name) => modeOf(join(dataDir, name)))]).toEqual(["700", "600", "600", "600"]);
  } finally {
    db.close();
  }
});

test("a data directory and database made before Ferry set modes are tightened when opened", () => {
  const dataDir = join(root, "old", "data");
  openDatabase(dataDir).close();
  chmodSync(dataDir, 0o755);
  chmodSync(join(dataDir, "ferry.db"), 0o644);
  openDatabase(dataDir).close();
  expect([modeOf(dataDir), modeOf(join(dataDir, "ferry.db"))]).toEqual(["700", "600"]);
});

test("the webhook journal's directory is 0700 and its segments 0600", () => {
  const dir = join(root, "journal", "webhook-journal");
  const writer = new JournalWriter(dir);
  writer.append({ id: "d-1", event: "issues", payload: { action: "opened" } });
  const segment = writer.close();
  expect([modeOf(dir), modeOf(segmentPath(dir, segment))]).toEqual(["700", "600"]);
});

test("a trajectory's directory is 0700 and its file 0600", () => {
  const path = trajectoryPathFor(join(root, "trajectories-data"), 4, 1);
  const trajectory = new JsonlTrajectory(path);
  trajectory.record("run-started", {});
  trajectory.close();
  expect([modeOf(join(path, "..")), modeOf(join(path, "..", "..")), modeOf(path)]).toEqual(["700", "700", "600"]);
});
