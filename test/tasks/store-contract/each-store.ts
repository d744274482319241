import { afterEach, beforeAll, beforeEach, describe } from "@jest/globals";
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import type { Store } from "../../../src/tasks/store.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { tempDir } from "../support/temp-dir.ts";
import { postgresPlaces } from "./postgres-places.ts";

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

export type Place = { open: StoreHarness["open"]; raw: StoreHarness["raw"]; remove(): Promise<void> };

/**
 * Runs the same tests against every Store: SQLite in a temporary directory, PostgreSQL on the test
 * file's own cluster (skipped with a notice where PostgreSQL is missing, failed in CI).
 */
export function describeEachStore(name: string, body: (harness: StoreHarness) => void): void {
  describe(`${name} [sqlite]`, () => withPlaces("sqlite", sqlitePlace, body));
  describeWithPostgres(`${name} [postgres]`, () => {
    const cluster = useCluster();
    let nextPlace: (() => Promise<Place>) | undefined;
    beforeAll(async () => {
      nextPlace = await postgresPlaces(cluster());
    }, 30_000);
    withPlaces("postgres", () => {
      if (!nextPlace) throw new Error("The PostgreSQL databases are used before their beforeAll made them.");
      return nextPlace();
    }, body);
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
