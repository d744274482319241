import { PgBoss } from "pg-boss";
import type { Log } from "../../logger.ts";

/** pg-boss's tables live in a schema of their own beside Ferry's. */
export const BOSS_SCHEMA = "ferry_queue";

export type OpenBossOptions = {
  url: string;
  log: Pick<Log, "warn">;
  /**
   * How often one instance checks the queues for jobs whose worker stopped heartbeating (and for
   * expired jobs). With the task queue's 15 s heartbeat, a dead worker's task is on another
   * worker within about 15 + this + a poll: 10 keeps it well under a minute.
   */
  checkEverySeconds?: number;
};

/**
 * Starts pg-boss on Ferry's database: it installs or migrates its schema itself (under its own
 * lock), wakes workers with LISTEN/NOTIFY, and polls as a backstop. Its errors (a dropped
 * connection, say) are logged; it reconnects by itself.
 */
export async function openBoss(options: OpenBossOptions): Promise<PgBoss> {
  const every = options.checkEverySeconds ?? 10;
  const boss = new PgBoss({ connectionString: options.url, schema: BOSS_SCHEMA, superviseIntervalSeconds: every, monitorIntervalSeconds: every, useListenNotify: true, application_name: "ferry-queue" });
  boss.on("error", (error) => options.log.warn({ err: error }, "The PostgreSQL work queue reported an error; it carries on"));
  await boss.start();
  return boss;
}
