import { parseCron } from "../config/cron.ts";

/**
 * How late a due time may still be swept. A process that was down at 06:00 and starts at
 * 06:40 still sweeps; one that starts at 07:30 waits for the next due time, because an
 * operator restarting a server does not expect a burst of old work.
 */
export const MAX_LATENESS_MS = 60 * 60 * 1000;

export type DueTime = { ok: true; dueAt: Date | undefined } | { ok: false; problem: string };

/**
 * The latest occurrence of the 5-field `cron` at or before `now`, in UTC. The config was checked
 * with the same parser, so a problem here means a cron that never went through the config.
 */
export function latestDueTime(cron: string, now: Date): DueTime {
  const parsed = parseCron(cron);
  if (!parsed.ok) return { ok: false, problem: `sweep.cron: ${parsed.reason}` };
  const { job } = parsed;
  // previousRuns excludes the reference itself but includes runs earlier in its second.
  const reference = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 1);
  const [dueAt] = job.previousRuns(1, reference);
  return { ok: true, dueAt };
}

/** The due time a scheduled tick should sweep now, if any: the latest one, unless it is too old. */
export function dueTimeToSweep(cron: string, now: Date): DueTime {
  const due = latestDueTime(cron, now);
  if (!due.ok || !due.dueAt) return due;
  return { ok: true, dueAt: now.getTime() - due.dueAt.getTime() <= MAX_LATENESS_MS ? due.dueAt : undefined };
}

/** Midnight UTC of `now`'s day: the daily USD cap counts from here. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
