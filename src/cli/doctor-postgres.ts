import pg from "pg";

/**
 * One connection for one check, ended when the check's time is up: `connect` and every query
 * give up with the signal, so a database that accepts the TCP connection and never speaks
 * cannot hold `ferry doctor`.
 */
export async function withPostgres<T>(url: string, signal: AbortSignal, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "ferry-doctor" });
  // A connection that drops is the query's failure, not an unhandled 'error' event.
  client.on("error", () => undefined);
  const end = () => void client.end().catch(() => undefined);
  signal.addEventListener("abort", end, { once: true });
  try {
    await client.connect();
    return await work(client);
  } finally {
    signal.removeEventListener("abort", end);
    end();
  }
}
