import { Cron } from "croner";
import { errorMessage } from "../error-message.ts";

/**
 * The one cron parser: the repository config validates `sweep.cron` with it and the sweep
 * scheduler computes due times with it, so a pattern the config accepts is one the scheduler
 * runs. Five fields (minute to weekday, 0 and 7 are Sunday), in UTC; sloppyRanges keeps a
 * start with a step (`1/5`) valid. A paused job: only its date arithmetic is used, it never fires.
 */
export function parseCron(cron: string): { ok: true; job: Cron } | { ok: false; reason: string } {
  try {
    return { ok: true, job: new Cron(cron, { timezone: "UTC", mode: "5-part", sloppyRanges: true, paused: true }) };
  } catch (error) {
    const message = errorMessage(error);
    return { ok: false, reason: message.replace(/^CronPattern:\s*/, "") };
  }
}

/** Why croner refuses `cron`, in its words, or undefined when it can be scheduled. */
export function cronProblem(cron: string): string | undefined {
  const parsed = parseCron(cron);
  return parsed.ok ? undefined : parsed.reason;
}
