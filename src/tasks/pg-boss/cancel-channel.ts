import pg from "pg";
import { z } from "zod";
import type { Log } from "../../logger.ts";

/** The PostgreSQL channel a cancel is announced on; every worker listens. */
export const CANCEL_CHANNEL = "ferry_task_cancelled";

const Payload = z.string().regex(/^\d{1,15}$/).transform(Number);

/**
 * Tells the worker running a task, on whatever machine, that the task was cancelled: a NOTIFY
 * for promptness. The store stays the truth: a worker also re-reads its tasks' states, so a
 * notification lost with a dropped connection only delays the abort.
 */
export async function announceCancel(db: SqlExecutor, taskId: number): Promise<void> {
  await db.executeSql("SELECT pg_notify($1, $2)", [CANCEL_CHANNEL, String(taskId)]);
}

/** What runs a statement: pg-boss's own connection pool (`boss.getDb()`) in production. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<unknown> };

export type CancelListener = { close(): Promise<void> };

/**
 * LISTENs for cancels on a connection of its own (a pooled one would be handed to others) and
 * calls `onCancel` with each task id. A broken connection is logged and opened again; payloads
 * that are not task ids are ignored (anyone with database access can NOTIFY).
 */
export async function listenForCancels(options: { url: string; onCancel: (taskId: number) => void; log: Pick<Log, "warn">; retryMs?: number }): Promise<CancelListener> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, application_name: "ferry-cancels" });
    next.on("notification", (message) => {
      const parsed = Payload.safeParse(message.payload);
      if (message.channel === CANCEL_CHANNEL && parsed.success) options.onCancel(parsed.data);
    });
    next.on("error", (error) => {
      options.log.warn({ err: error }, "The connection that hears task cancels failed; opening another");
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${CANCEL_CHANNEL}`);
    if (closed) await next.end();
    else client = next;
  };
  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        options.log.warn({ err: error }, "Could not listen for task cancels; trying again");
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
