import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATABASE_FILE } from "../../src/tasks/open-database.ts";
import { SqliteStore, type SqliteStoreOptions } from "../../src/tasks/sqlite-store.ts";
import { WalCheckpointer } from "../../src/tasks/wal-checkpointer.ts";
import { waitFor } from "../helpers/process.ts";

let dataDir: string;
let store: SqliteStore | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "ferry-wal-"));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const open = (options: Partial<SqliteStoreOptions> = {}) => (store = new SqliteStore({ dataDir, ...options }));
const databaseBytes = () => statSync(join(dataDir, DATABASE_FILE)).size;
const logBytes = () => statSync(join(dataDir, `${DATABASE_FILE}-wal`)).size;

/** About 6 MB of commits: far past the 1,000 pages (4 MB) at which a commit checkpoints by default. */
async function writeManyDeliveries(target: SqliteStore): Promise<void> {
  const body = "x".repeat(60_000);
  for (let index = 0; index < 100; index++) await target.acceptDelivery({ id: `d-${index}`, event: "issues", payload: { index, body } });
}

test("by default (one-shot commands, tests) the commit that fills the log copies it into the database file", async () => {
  const target = open();
  const before = databaseBytes();
  await writeManyDeliveries(target);
  expect(databaseBytes()).toBeGreaterThan(before + 1_000_000);
});

test("with background checkpoints no commit copies the log into the database file, however full it gets", async () => {
  // An interval longer than the test: only a commit could checkpoint here.
  const target = open({ backgroundCheckpoints: { intervalMs: 600_000 } });
  const before = databaseBytes();
  await writeManyDeliveries(target);
  expect(databaseBytes()).toBe(before);
  expect(logBytes()).toBeGreaterThan(5_000_000);
});

test("the background thread copies the log into the database file within its interval, and everything stays readable", async () => {
  const target = open({ backgroundCheckpoints: { intervalMs: 20 } });
  const before = databaseBytes();
  await writeManyDeliveries(target);
  await waitFor("the thread's checkpoint", () => databaseBytes() > before + 5_000_000 || undefined);
  expect(await target.pendingDeliveries()).toHaveLength(100);
});

test("closing the store stops the thread first, so the store's close checkpoints and removes the log; a reopen sees every commit", async () => {
  const target = open({ backgroundCheckpoints: { intervalMs: 600_000 } });
  await writeManyDeliveries(target);
  await target.close();
  store = undefined;
  expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
  expect(await open().pendingDeliveries()).toHaveLength(100);
});

test("a thread that cannot open the database reports it, so its store can checkpoint on its own again", async () => {
  const failures: Error[] = [];
  new WalCheckpointer({ file: join(dataDir, "missing", "dir", DATABASE_FILE), intervalMs: 20, onFailure: (error) => failures.push(error) });
  const [failure] = await waitFor("the failure", () => (failures.length > 0 ? failures : undefined));
  expect(failure?.message).toMatch(/unable to open database file/);
  expect(failures).toHaveLength(1);
});
