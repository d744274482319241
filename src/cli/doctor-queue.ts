import { z } from "zod";
import type { Env } from "../config/env.ts";
import { BOSS_SCHEMA } from "../tasks/pg-boss/open-boss.ts";
import { type Check, connectionProblem, fail, ok, skip } from "./doctor-check.ts";
import { withPostgres } from "./doctor-postgres.ts";

/** pg-boss's schema, beside Ferry's own in the same database. */
export const PGBOSS_SCHEMA = BOSS_SCHEMA;

const Row = z.object({ present: z.boolean(), creatable: z.boolean() });

/** With DATABASE_URL, pg-boss's schema in the database (or the right to create it); otherwise the queue is in-process. */
export function queueCheck(env: Pick<Env, "databaseUrl">): Check {
  const { databaseUrl } = env;
  return {
    name: "queue",
    async run(signal) {
      if (databaseUrl === undefined) return skip("in-process queue (no DATABASE_URL): nothing to reach");
      try {
        return await withPostgres(databaseUrl, signal, async (client) => {
          const { rows } = await client.query(
            "SELECT to_regnamespace($1) IS NOT NULL AS present, has_database_privilege(current_database(), 'CREATE') AS creatable",
            [PGBOSS_SCHEMA],
          );
          const row = Row.parse(rows[0]);
          if (!row.present) {
            return row.creatable
              ? ok(`pg-boss schema ${PGBOSS_SCHEMA} not created yet; the database user may create it (the first start does)`)
              : fail(`pg-boss schema ${PGBOSS_SCHEMA} is missing and the database user may not create schemas: grant CREATE on the database`);
          }
          const version = await client.query(`SELECT version FROM ${PGBOSS_SCHEMA}.version`).catch(() => undefined);
          return ok(`pg-boss schema ${PGBOSS_SCHEMA} is there${version?.rows[0] ? ` (version ${String(version.rows[0].version)})` : ""}`);
        });
      } catch (error) {
        return fail(`the queue's database cannot be used: ${connectionProblem(error)}`);
      }
    },
  };
}
