import pg from "pg";

/** Work that must not overlap, per key, across every process on one database. */
export type KeyLock = {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** The first key of the two-key advisory locks: status comment writes (the store's own locks use other spaces). */
const STATUS_WRITES = 0x5354_4154;

/**
 * A session advisory lock per key on a connection of its own: held while `work` runs (GitHub
 * calls included), released after, and released by PostgreSQL if the process dies holding it.
 */
export function postgresKeyLock(url: string): KeyLock {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "ferry-status-writes" });
  // An idle connection the server dropped: the pool opens another at the next write.
  pool.on("error", () => undefined);
  return {
    async run(key, work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [STATUS_WRITES, key]);
        try {
          return await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [STATUS_WRITES, key]).catch((error: unknown) => {
            // A connection that could not unlock must not go back to the pool still holding the lock.
            broken = error instanceof Error ? error : new Error(String(error));
          });
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
