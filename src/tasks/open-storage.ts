import type { PgBoss } from "pg-boss";
import type { Log } from "../logger.ts";
import { openBoss } from "./pg-boss/open-boss.ts";
import { openPostgresStore } from "./postgres/postgres-store.ts";
import { SqliteStore } from "./sqlite-store.ts";
import type { Store } from "./store.ts";

/** Where Ferry keeps its state and its work: a file of its own, or a database several processes share. */
export type Storage =
  | { kind: "sqlite"; store: Store; close(): Promise<void> }
  | { kind: "postgres"; store: Store; boss: PgBoss; url: string; close(): Promise<void> };

/**
 * No DATABASE_URL: SQLite under the data directory, one process. With one: PostgreSQL for the
 * state (migrated once, whoever starts first) and pg-boss on the same database for the work.
 */
export async function openStorage(options: { dataDir: string; databaseUrl: string | undefined; log: Log }): Promise<Storage> {
  const { databaseUrl: url, log } = options;
  if (!url) {
    const store = new SqliteStore({ dataDir: options.dataDir, backgroundCheckpoints: true, log });
    return { kind: "sqlite", store, close: () => store.close() };
  }
  const store = await openPostgresStore({ url, log });
  let boss: PgBoss;
  try {
    boss = await openBoss({ url, log });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    kind: "postgres",
    store,
    boss,
    url,
    async close() {
      // The queue stopped before this; pg-boss's own connections close with it.
      await boss.stop({ graceful: false, close: true });
      await store.close();
    },
  };
}
