import pg from "pg";

/** Ferry's state as its PostgreSQL store holds it (schema `ferry`), read on a connection of the test's own. */
async function query<T>(databaseUrl: string | undefined, sql: string, map: (row: Record<string, unknown>) => T): Promise<T[]> {
  if (!databaseUrl) throw new Error("this world keeps its state in SQLite, not PostgreSQL");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows.map(map);
  } finally {
    await client.end();
  }
}

export type PgTask = { id: number; state: string; repo: string; issue: number; trigger: string };

export function tasksIn(databaseUrl: string | undefined): Promise<PgTask[]> {
  return query(databaseUrl, 'SELECT id, state, owner, repo, issue_number, "trigger" FROM ferry.tasks ORDER BY id', (row) => ({
    id: Number(row.id),
    state: String(row.state),
    repo: `${String(row.owner)}/${String(row.repo)}`,
    issue: Number(row.issue_number),
    trigger: String(row.trigger),
  }));
}

export type PgRun = { task: number; number: number; ended: boolean; interrupted: boolean };

export function runsIn(databaseUrl: string | undefined): Promise<PgRun[]> {
  return query(databaseUrl, "SELECT task_id, number, ended_at, interrupted FROM ferry.runs ORDER BY id", (row) => ({
    task: Number(row.task_id),
    number: Number(row.number),
    ended: row.ended_at !== null,
    interrupted: row.interrupted === true,
  }));
}

/** The sweep claims: one row per repository and due time that some server swept. */
export function sweepClaimsIn(databaseUrl: string | undefined): Promise<{ repo: string; dueAt: string }[]> {
  return query(databaseUrl, "SELECT owner, repo, due_at FROM ferry.sweeps ORDER BY due_at", (row) => ({
    repo: `${String(row.owner)}/${String(row.repo)}`,
    dueAt: new Date(String(row.due_at)).toISOString(),
  }));
}

export function deliveryIdsIn(databaseUrl: string | undefined): Promise<string[]> {
  return query(databaseUrl, "SELECT id FROM ferry.deliveries ORDER BY seen_at", (row) => String(row.id));
}
