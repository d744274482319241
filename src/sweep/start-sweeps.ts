import { setTimeout as delay } from "node:timers/promises";
import { Cron } from "croner";
import type { Ceilings } from "../config/clamp-limits.ts";
import { appAccount } from "../github/ferry-account.ts";
import type { Log } from "../logger.ts";
import type { Store } from "../tasks/store.ts";
import { KeyedLock } from "../workspace/keyed-lock.ts";
import type { SweepContext } from "./repo-pass.ts";
import type { SweepGitHub } from "./sweep-github.ts";
import { sweepNow } from "./sweep-now.ts";
import type { SweepReport } from "./sweep-report.ts";
import { SweepSettings } from "./sweep-settings.ts";
import { sweepDueRepositories, type TickSeams } from "./sweep-tick.ts";
import { errorMessage } from "../error-message.ts";

export type SweepOptions = {
  github: SweepGitHub;
  store: Store;
  queue: { enqueue(taskId: number): Promise<void> };
  log: Log;
  /** The operator's caps on `sweep.maxPerRun` and `sweep.maxUsdPerDay`; default: DEFAULT_CEILINGS. */
  ceilings?: Ceilings;
  now?: () => Date;
  random?: () => number;
  sleep?: TickSeams["sleep"];
  /** Calls `tick` once a minute until stopped; default: a croner job at the start of every minute. */
  schedule?: (tick: () => Promise<void>) => { stop(): void };
};

export type Sweeps = {
  /** Stops ticking and cuts short the jitter waits; safe to call more than once. */
  stop(): void;
  /** A pass now over one repository (`owner/name`) or all of them, with the scheduled rules and caps. */
  runNow(repo?: string): Promise<SweepReport>;
};

/** The sweep scheduler of a running server: a tick a minute sweeps every repository that is due, once. */
export function startSweeps(options: SweepOptions): Sweeps {
  const now = options.now ?? (() => new Date());
  // Ferry's bot account, for finding its own status comment on a picked issue.
  const account = appAccount(options.github.appClient);
  const ctx: SweepContext = { ...options, now, account, settings: new SweepSettings(options.log, options.ceilings), lock: new KeyedLock() };
  const controller = new AbortController();
  const seams = { random: options.random ?? Math.random, sleep: options.sleep ?? sleepUnlessAborted, signal: controller.signal };
  let ticking = false;

  const tick = async (): Promise<void> => {
    // A tick that outlasts its minute is not overlapped by the next one.
    if (ticking || controller.signal.aborted) return;
    ticking = true;
    try {
      await sweepDueRepositories(ctx, seams);
    } catch (error) {
      options.log.error({ error: errorMessage(error) }, "sweep tick failed");
    } finally {
      ticking = false;
    }
  };
  const job = (options.schedule ?? everyMinute)(tick);

  return {
    stop() {
      controller.abort();
      job.stop();
    },
    runNow: (repo) => sweepNow(ctx, repo),
  };
}

function everyMinute(tick: () => Promise<void>): { stop(): void } {
  // unref: the scheduler alone does not keep the process alive.
  const job = new Cron("* * * * *", { timezone: "UTC", unref: true }, tick);
  return { stop: () => job.stop() };
}

async function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal }).catch(() => undefined);
}
