import type { Log } from "./logger.ts";

/**
 * One iteration of a background loop (a sweep tick, a backlog delivery, a disk measurement, a
 * start-up report): a failure is logged with `context` and swallowed, so the loop's next
 * iteration still runs and nothing reaches the process-wide fault policy (fault-policy.ts),
 * which would stop the server. Work that runs synchronously still runs before this returns.
 */
export async function runIteration(log: Pick<Log, "error">, message: string, context: object, work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ ...context, err: error }, message);
  }
}
