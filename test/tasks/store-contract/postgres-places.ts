import pg from "pg";
import { z } from "zod";
import { migratePostgres } from "../../../src/tasks/postgres/migrate.ts";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { SCHEMA } from "../../../src/tasks/postgres/schema.ts";
import type { Store } from "../../../src/tasks/store.ts";
import type { PostgresCluster } from "../../helpers/postgres.ts";
import type { Place } from "./each-store.ts";

const Table = z.object({ table: z.string(), identity: z.string().nullable() });

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every test gets an empty, migrated database with its ids counting from 1. Emptying one (a
 * DELETE per table, sequences reset) takes milliseconds where copying the migrated template takes
 * a tenth of a second or more; a test that wrote behind the store's back (raw SQL, perhaps DDL)
 * leaves its database dirty, and the next test gets a fresh copy.
 */
export async function postgresPlaces(cluster: PostgresCluster): Promise<() => Promise<Place>> {
  const template = `ferry_template_${Math.random().toString(36).slice(2, 8)}`;
  await migratePostgres(await cluster.createDatabase({ name: template }));
  const tables = await onDatabase(cluster.url(template), async (client) =>
    (await client.query(`SELECT c.table_name AS table, (SELECT column_name FROM information_schema.columns i
        WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.is_identity = 'YES') AS identity
      FROM information_schema.tables c WHERE c.table_schema = '${SCHEMA}' AND c.table_name <> 'schema_version'`)).rows.map((row) => Table.parse(row)),
  );
  // Replica mode turns off triggers (the append-only events, foreign keys) for the emptying alone.
  const empty = [
    "SET session_replication_role = replica",
    ...tables.map(({ table }) => `DELETE FROM ${SCHEMA}.${table}`),
    ...tables.flatMap(({ table, identity }) => (identity ? [`SELECT setval(pg_get_serial_sequence('${SCHEMA}.${table}', '${identity}'), 1, false)`] : [])),
    "RESET session_replication_role",
  ].join(";\n");
  let url: string | undefined;
  let dirty = true;
  return async () => {
    if (dirty || !url) url = await cluster.createDatabase({ template });
    else await onDatabase(url, (client) => client.query(empty));
    dirty = false;
    return postgresPlace(url, () => {
      dirty = true;
    });
  };
}

function postgresPlace(url: string, markDirty: () => void): Place {
  const stores: Store[] = [];
  const clients: pg.Client[] = [];
  return {
    async open(options = {}) {
      const store = await openPostgresStore({ url, now: options.now });
      stores.push(store);
      return store;
    },
    async raw() {
      markDirty();
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
