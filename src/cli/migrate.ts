import { type Env, loadEnvOrExit } from "../config/env.ts";
import { safeDatabaseUrl } from "../config/database-url.ts";
import { errorMessage } from "../error-message.ts";
import { redactKnownSecrets } from "../policy/redact-secrets.ts";
import { type MigrationReport, migratePostgres } from "../tasks/postgres/migrate.ts";

export const MIGRATE_USAGE = `Usage: ferry migrate

Brings Ferry's PostgreSQL schema (DATABASE_URL, or FERRY_DATABASE_URL) up to date and says what
it did. Safe to run while servers and workers start: one migration runs at a time (an advisory
lock). Without a database URL Ferry uses SQLite, which every start migrates itself.`;

export type Migrate = (url: string) => Promise<MigrationReport>;
export type Output = { out(text: string): void; err(text: string): void };

/** `ferry migrate`; returns the exit code: 0 done (or nothing to do), 1 when the migration failed, 2 for usage. */
export async function runMigrate(argv: readonly string[], env: Pick<Env, "databaseUrl" | "dataDir">, io: Output, migrate: Migrate): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(`${MIGRATE_USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    io.err(`ferry migrate: unexpected argument "${argv[0]}"\n\n${MIGRATE_USAGE}\n`);
    return 2;
  }
  if (env.databaseUrl === undefined) {
    io.out(`No DATABASE_URL: Ferry uses SQLite in ${env.dataDir}, whose schema every start migrates. Nothing to do.\n`);
    return 0;
  }
  const where = safeDatabaseUrl(env.databaseUrl);
  try {
    const report = await migrate(env.databaseUrl);
    io.out(
      report.applied === 0
        ? `PostgreSQL at ${where}: schema already at version ${report.current}; nothing to do.\n`
        : `PostgreSQL at ${where}: applied ${report.applied} migration${report.applied === 1 ? "" : "s"}; schema now at version ${report.current}.\n`,
    );
    return 0;
  } catch (error) {
    io.err(`ferry migrate: PostgreSQL at ${where}: ${redactKnownSecrets(errorMessage(error))}\n`);
    return 1;
  }
}

/** `ferry migrate` from the command line, on this environment. */
export function migrateCommand(argv: readonly string[], io: Output): Promise<number> {
  return runMigrate(argv, loadEnvOrExit(), io, (url) => migratePostgres(url));
}
