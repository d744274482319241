import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCheck } from "../../src/cli/doctor-check.ts";
import { databaseCheck } from "../../src/cli/doctor-database.ts";
import { queueCheck } from "../../src/cli/doctor-queue.ts";
import { MIGRATIONS } from "../../src/tasks/migrations.ts";
import { openDatabase } from "../../src/tasks/open-database.ts";
import { freePort } from "../helpers/process.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ferry-doctor-db-"));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

test("SQLite: a writable data directory without a database yet is ok", async () => {
  expect(await runCheck(databaseCheck({ dataDir: join(dir, "data"), databaseUrl: undefined }), 5000)).toEqual({
    status: "ok",
    detail: `SQLite in ${join(dir, "data")} (writable); no database yet, the first start creates it`,
  });
});

test("SQLite: an existing database reports its schema version", async () => {
  openDatabase(dir).close();
  expect(await runCheck(databaseCheck({ dataDir: dir, databaseUrl: undefined }), 5000)).toEqual({
    status: "ok",
    detail: `SQLite ${join(dir, "ferry.db")} answers; schema version ${MIGRATIONS.length}, up to date`,
  });
});

test("SQLite: a data directory that cannot be written fails", async () => {
  // A file where the directory should be: fails for root too, unlike a chmod.
  writeFileSync(join(dir, "data"), "");
  const result = await runCheck(databaseCheck({ dataDir: join(dir, "data"), databaseUrl: undefined }), 5000);
  expect(result).toEqual({ status: "fail", detail: expect.stringMatching(new RegExp(`^SQLite: the data directory ${join(dir, "data")} \\(FERRY_DATA_DIR\\) is not writable: `)) });
});

test("PostgreSQL nobody listens for fails, and its password is not in the line", async () => {
  const url = `postgres://ferry:doctor-db-pass@127.0.0.1:${await freePort()}/ferry`;
  const result = await runCheck(databaseCheck({ dataDir: dir, databaseUrl: url }), 5000);
  expect(result.status).toBe("fail");
  expect(result.detail).toMatch(/^PostgreSQL at postgres:\/\/\[redacted\]@127\.0\.0\.1:\d+\/ferry cannot be used: connect ECONNREFUSED/);
  expect(result.detail).not.toContain("doctor-db-pass");
});

test("without DATABASE_URL the queue is in-process: skipped, saying so", async () => {
  expect(await runCheck(queueCheck({ databaseUrl: undefined }), 5000)).toEqual({ status: "skip", detail: "in-process queue (no DATABASE_URL): nothing to reach" });
});

test("the queue's database nobody listens for fails", async () => {
  const result = await runCheck(queueCheck({ databaseUrl: `postgres://ferry@127.0.0.1:${await freePort()}/ferry` }), 5000);
  expect(result).toEqual({ status: "fail", detail: expect.stringMatching(/^the queue's database cannot be used: connect ECONNREFUSED/) });
});
