import pg from "pg";
import { z } from "zod";
import type { Log } from "../logger.ts";

/** A PostgreSQL channel whose notifications name one task each: `what` says what it carries, for the logs. */
export type TaskChannel = { name: string; what: string };

/** Runs one statement: a pg pool (`query`) or pg-boss's database (`executeSql`) both fit through a small adapter. */
export type RunSql = (text: string, values: unknown[]) => Promise<unknown>;

const TaskId = z.string().regex(/^\d{1,15}$/).transform(Number);

/** Tells every process listening on the channel about the task. Prompt, not reliable: listeners also read the store. */
export async function notifyTask(run: RunSql, channel: TaskChannel, taskId: number): Promise<void> {
  await run("SELECT pg_notify($1, $2)", [channel.name, String(taskId)]);
}

export type ChannelListener = { close(): Promise<void> };

/**
 * LISTENs on a connection of its own (a pooled one would be handed to others) and calls `onTask`
 * with each task id. A broken connection is logged and opened again; what was announced meanwhile
 * is lost, which the store covers. Payloads that are not task ids are ignored: anyone with
 * database access can NOTIFY.
 */
export async function listenForTasks(options: { url: string; channel: TaskChannel; onTask: (taskId: number) => void; log: Pick<Log, "warn">; retryMs?: number }): Promise<ChannelListener> {
  const { channel, log } = options;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, application_name: `ferry-${channel.name}` });
    next.on("notification", (message) => {
      const parsed = TaskId.safeParse(message.payload);
      if (message.channel === channel.name && parsed.success) options.onTask(parsed.data);
    });
    next.on("error", (error) => {
      log.warn({ err: error, channel: channel.name }, `The connection that hears ${channel.what} failed; opening another`);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${channel.name}`);
    if (closed) await next.end();
    else client = next;
  };
  const schedule = (): void => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        log.warn({ err: error, channel: channel.name }, `Could not listen for ${channel.what}; trying again`);
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
