import pg from "pg";
import { z } from "zod";
import type { Log } from "../../logger.ts";
import type { SqlQuery } from "../../tasks/sql-query.ts";

/** The PostgreSQL channel a status refresh is asked for on (a redirect arrived); every worker listens. */
export const TOUCH_CHANNEL = "ferry_task_touched";

const Payload = z.string().regex(/^\d{1,15}$/).transform(Number);

/** Asks the worker running the task, on whatever machine, to refresh its status comment. */
export async function announceTouch(db: SqlQuery, taskId: number): Promise<void> {
  await db.query("SELECT pg_notify($1, $2)", [TOUCH_CHANNEL, String(taskId)]);
}

export type TouchListener = { close(): Promise<void> };

/**
 * LISTENs for touches on a connection of its own (a pooled one would be handed to others) and
 * calls `onTouch` with each task id. A broken connection is logged and opened again: a touch lost
 * meanwhile only delays the refresh to the run's next progress. Payloads that are not task ids
 * are ignored (anyone with database access can NOTIFY).
 */
export async function listenForTouches(options: { url: string; onTouch: (taskId: number) => void; log: Pick<Log, "warn">; retryMs?: number }): Promise<TouchListener> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, application_name: "ferry-touches" });
    next.on("notification", (message) => {
      const parsed = Payload.safeParse(message.payload);
      if (message.channel === TOUCH_CHANNEL && parsed.success) options.onTouch(parsed.data);
    });
    next.on("error", (error) => {
      options.log.warn({ err: error }, "The connection that hears status refreshes failed; opening another");
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${TOUCH_CHANNEL}`);
    if (closed) await next.end();
    else client = next;
  };
  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        options.log.warn({ err: error }, "Could not listen for status refreshes; trying again");
        schedule();
      });
    }, options.retryMs ?? 1_000);
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end();
      client = undefined;
    },
  };
}
