import { afterEach, beforeAll, beforeEach, describe } from "@jest/globals";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import pg from "pg";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { migratePostgres } from "../../../src/tasks/postgres/migrate.ts";
import { SCHEMA } from "../../../src/tasks/postgres/schema.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { tempDir } from "../support/temp-dir.ts";

export type StoreKind = "sqlite" | "postgres";

/** SQL run on the store's database behind its back, as an operator or another build might. */
export type RawDatabase = { exec(sql: string): Promise<void> };

export type StoreHarness = {
  kind: StoreKind;
  /**
   * Opens a store on this test's database: a fresh one per test, shared by every store the test
   * opens (two stores are two processes on one database). Closed after the test.
   */
  open(options?: { now?: () => Date }): Promise<Store>;
  /** A connection of its own to this test's database, with Ferry's tables by their bare names. */
  raw(): Promise<RawDatabase>;
};

type Place = { open: StoreHarness["open"]; raw: StoreHarness["raw"]; remove(): Promise<void> };

/**
 * Runs the same tests against every Store: SQLite in a temporary directory, PostgreSQL on the test
 * file's own cluster (skipped with a notice where PostgreSQL is missing, failed in CI).
 */
export function describeEachStore(name: string, body: (harness: StoreHarness) => void): void {
  describe(`${name} [sqlite]`, () => withPlaces("sqlite", sqlitePlace, body));
  describeWithPostgres(`${name} [postgres]`, () => {
    const cluster = useCluster();
    let template = "";
    beforeAll(async () => {
      // Migrated once per file; each test copies it (CREATE DATABASE … TEMPLATE), which is faster than migrating.
      template = `ferry_template_${Math.random().toString(36).slice(2, 8)}`;
      await migratePostgres(await cluster().createDatabase({ name: template }));
    }, 30_000);
    withPlaces("postgres", async () => postgresPlace(await cluster().createDatabase({ template })), body);
  });
}

function withPlaces(kind: StoreKind, makePlace: () => Promise<Place>, body: (harness: StoreHarness) => void): void {
  let place: Place | undefined;
  const current = (): Place => {
    if (!place) throw new Error("The store harness is used outside a test.");
    return place;
  };
  beforeEach(async () => {
    place = await makePlace();
  });
  afterEach(async () => {
    await place?.remove();
    place = undefined;
  });
  body({ kind, open: (options) => current().open(options), raw: () => current().raw() });
}

async function sqlitePlace(): Promise<Place> {
  const dir = tempDir();
  const stores: Store[] = [];
  const raws: DatabaseSync[] = [];
  return {
    async open(options = {}) {
      const store = new SqliteStore({ dataDir: dir.path, now: options.now });
      stores.push(store);
      return store;
    },
    async raw() {
      const db = new DatabaseSync(join(dir.path, "ferry.db"));
      raws.push(db);
      return { exec: async (sql) => void db.exec(sql) };
    },
    async remove() {
      for (const db of raws) db.close();
      for (const store of stores) await store.close();
      dir.remove();
    },
  };
}

async function postgresPlace(url: string): Promise<Place> {
  const stores: Store[] = [];
  const clients: pg.Client[] = [];
  return {
    async open(options = {}) {
      const store = await openPostgresStore({ url, now: options.now });
      stores.push(store);
      return store;
    },
    async raw() {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
      await client.connect();
      clients.push(client);
      return { exec: async (sql) => void (await client.query(sql)) };
    },
    async remove() {
      for (const client of clients) await client.end();
      for (const store of stores) await store.close();
    },
  };
}
