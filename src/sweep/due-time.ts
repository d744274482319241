import { Cron } from "croner";

/**
 * How late a due time may still be swept. A process that was down at 06:00 and starts at
 * 06:40 still sweeps; one that starts at 07:30 waits for the next due time, because an
 * operator restarting a server does not expect a burst of old work.
 */
export const MAX_LATENESS_MS = 60 * 60 * 1000;

export type DueTime = { ok: true; dueAt: Date | undefined } | { ok: false; problem: string };

/**
 * The latest occurrence of the 5-field `cron` at or before `now`, in UTC. The config's shape
 * check lets through a few patterns croner refuses (a range like 5-1); those are problems.
 */
export function latestDueTime(cron: string, now: Date): DueTime {
  const job = parseCron(cron);
  if ("problem" in job) return { ok: false, problem: job.problem };
  // previousRuns excludes the reference itself but includes runs earlier in its second.
  const reference = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 1);
  const [dueAt] = job.previousRuns(1, reference);
  return { ok: true, dueAt };
}

/** What is wrong with `cron` for the scheduler, or undefined when it can be scheduled. */
export function cronProblem(cron: string): string | undefined {
  const job = parseCron(cron);
  return "problem" in job ? job.problem : undefined;
}

/** A paused job: only its date arithmetic is used, it never fires. */
function parseCron(cron: string): Cron | { problem: string } {
  try {
    // sloppyRanges accepts `1/5`, which the config's shape check allows.
    return new Cron(cron, { timezone: "UTC", mode: "5-part", sloppyRanges: true, paused: true });
  } catch (error) {
    return { problem: `sweep.cron: ${error instanceof Error ? error.message : String(error)}` };
  }
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
