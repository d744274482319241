import { expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import pg from "pg";
import { describeWithPostgres, startPostgres, useCluster } from "../../helpers/postgres.ts";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

// The helper every PostgreSQL test stands on: a cluster of the test's own, never a shared one.
describeWithPostgres("a test's own PostgreSQL cluster", () => {
  const cluster = useCluster();

  test("it listens on loopback only, and over TCP it wants its password", async () => {
    const client = await connect(cluster().url("postgres"));
    try {
      expect((await client.query("SHOW listen_addresses")).rows).toEqual([{ listen_addresses: "127.0.0.1" }]);
    } finally {
      await client.end();
    }
    const wrong = new URL(cluster().url("postgres"));
    wrong.password = "guessed";
    await expect(connect(wrong.href)).rejects.toThrow(/password authentication failed/);
  });

  test("stopping it ends its server and removes its directory", async () => {
    const own = await startPostgres();
    const client = await connect(own.url("postgres"));
    const dataDir = String((await client.query("SHOW data_directory")).rows[0]?.["data_directory"]);
    await client.end();
    await own.stop();
    expect(existsSync(dataDir)).toBe(false);
    await expect(connect(own.url("postgres"))).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
