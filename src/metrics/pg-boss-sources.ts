import { z } from "zod";
import { BOSS_SCHEMA } from "../tasks/pg-boss/open-boss.ts";
import type { QueueStat } from "./metrics-sources.ts";
import type { SqlQuery } from "../tasks/sql-query.ts";

const Row = z.object({ queue: z.string(), waiting: z.number().int(), oldest: z.number() });

/**
 * Every pg-boss queue's jobs ready to run and how long the oldest has been ready, read from its
 * job table at scrape time: pg-boss's own counts lag by a monitor interval and have no age.
 * A job deferred to later (a retry's back-off) is not waiting yet; pg-boss's own internal
 * queues (`__pgboss__…`) are left out.
 */
export function pgBossQueues(db: SqlQuery, schema = BOSS_SCHEMA): () => Promise<QueueStat[]> {
  const sql = `
    SELECT q.name AS queue,
      count(j.id)::int AS waiting,
      COALESCE(EXTRACT(EPOCH FROM now() - min(GREATEST(j.created_on, j.start_after))), 0)::float8 AS oldest
    FROM ${schema}.queue q
    LEFT JOIN ${schema}.job j ON j.name = q.name AND j.state IN ('created', 'retry') AND j.start_after <= now()
    WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
    GROUP BY q.name
    ORDER BY q.name`;
  return async () => {
    const { rows } = await db.query(sql);
    return rows.map((row) => {
      const { queue, waiting, oldest } = Row.parse(row);
      return { queue, waiting, oldestWaitingSeconds: Math.max(0, oldest) };
    });
  };
}
