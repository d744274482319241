import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { z } from "zod";
import type { Env } from "../config/env.ts";
import { safeDatabaseUrl } from "../config/database-url.ts";
import { MIGRATIONS, schemaVersion } from "../tasks/migrations.ts";
import { databaseFile } from "../tasks/open-database.ts";
import { POSTGRES_MIGRATIONS, SCHEMA } from "../tasks/postgres/schema.ts";
import { type Check, type CheckResult, connectionProblem, fail, ok } from "./doctor-check.ts";
import { withPostgres } from "./doctor-postgres.ts";

const Version = z.object({ version: z.number().int().nonnegative() });

/** PostgreSQL reachable and its schema level (DATABASE_URL), or SQLite's data directory writable. */
export function databaseCheck(env: Pick<Env, "databaseUrl" | "dataDir">): Check {
  const { databaseUrl } = env;
  return {
    name: "database",
    run: (signal) => (databaseUrl === undefined ? Promise.resolve(sqliteCheck(env.dataDir)) : postgresCheck(databaseUrl, signal)),
  };
}

function sqliteCheck(dataDir: string): CheckResult {
  const probe = join(dataDir, `.doctor-${randomUUID()}`);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    return fail(`SQLite: the data directory ${dataDir} (FERRY_DATA_DIR) is not writable: ${connectionProblem(error)}`);
  }
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return ok(`SQLite in ${dataDir} (writable); no database yet, the first start creates it`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return level(`SQLite ${file}`, schemaVersion(db), MIGRATIONS.length, "FERRY_DATA_DIR");
  } finally {
    db.close();
  }
}

async function postgresCheck(url: string, signal: AbortSignal): Promise<CheckResult> {
  const where = `PostgreSQL at ${safeDatabaseUrl(url)}`;
  try {
    return await withPostgres(url, signal, async (client) => {
      const table = await client.query("SELECT to_regclass($1) AS found", [`${SCHEMA}.schema_version`]);
      if (table.rows[0]?.found === null) return ok(`${where} answers; schema ${SCHEMA} not created yet (\`ferry migrate\` or the first start does it)`);
      const found = Version.safeParse((await client.query(`SELECT version FROM ${SCHEMA}.schema_version`)).rows[0]);
      return level(where, found.success ? found.data.version : 0, POSTGRES_MIGRATIONS.length, "DATABASE_URL");
    });
  } catch (error) {
    return fail(`${where} cannot be used: ${connectionProblem(error)}`);
  }
}

/** Behind is fine (start-up migrates); ahead means a newer Ferry wrote it, which this one must not touch. */
function level(where: string, found: number, known: number, variable: string): CheckResult {
  if (found > known) return fail(`${where} is at schema version ${found}, newer than this Ferry's ${known}: run the newer Ferry, or point ${variable} elsewhere`);
  if (found < known) return ok(`${where} answers; schema version ${found} of ${known} (\`ferry migrate\` or the next start applies the rest)`);
  return ok(`${where} answers; schema version ${found}, up to date`);
}
