import { execa } from "execa";
import type { Log } from "../logger.ts";
import { runIteration } from "../run-iteration.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";

/** How often the task's directories are measured: a sandbox writing flat out fills a few GB in that time at most. */
const CHECK_EVERY_MS = 10_000;

/** What `du` saw: the bytes it could count, and whether some directory was closed to it. */
export type DiskUsage = { bytes: number | undefined; unreadable: boolean };

export type DiskLimitOptions = {
  /** The task's directories on the host (the checkout the sandbox writes, and Ferry's verify checkout). */
  dirs: readonly string[];
  limitMb: number;
  /** The task's own signal: the watch ends with it. */
  signal: AbortSignal;
  intervalMs?: number;
  /** How the directories are measured; default `du` (diskUsage). */
  measure?: (dirs: readonly string[]) => Promise<DiskUsage>;
  /** Where a failed measurement is reported (the watch measures again at the next interval). */
  log: Pick<Log, "error">;
};

export type DiskLimit = {
  /** Aborted, with the limit's message, once the directories grew past the limit; and with the task's signal. */
  readonly signal: AbortSignal;
  /** The run's outcome, or a failure naming the limit when the watch stopped it. */
  verdict(outcome: AgentOutcome): AgentOutcome;
  stop(): void;
};

/**
 * Stops a task whose sandbox writes more than FERRY_SANDBOX_DISK_MB, so one task cannot fill the
 * data directory for everyone. Growth is measured from the start (the checkout itself does not
 * count) by `du` on the host. `du` reads directory listings and stats entries (it reads no file
 * and follows no link), but it does walk the agent's tree while the agent runs: a directory swapped
 * for a link mid-walk can at worst change the count. Measuring inside the sandbox would not.
 */
export function watchDiskLimit(options: DiskLimitOptions): DiskLimit {
  const limitBytes = options.limitMb * 1024 * 1024;
  const measure = options.measure ?? diskUsage;
  const exceeded = new AbortController();
  const signal = AbortSignal.any([options.signal, exceeded.signal]);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let baseline: number | undefined;
  let closedBefore = false;
  let reason = `The sandbox wrote more than ${options.limitMb} MB (FERRY_SANDBOX_DISK_MB), so the task was stopped`;

  /** One measurement; false once there is nothing more to watch. */
  const check = async (): Promise<boolean> => {
    const usage = await measure(options.dirs);
    if (stopped || options.signal.aborted) return false;
    baseline ??= usage.bytes;
    const grown = usage.bytes !== undefined && baseline !== undefined && usage.bytes - baseline > limitBytes;
    // A sandbox running as Ferry's own user can hide what it wrote behind `chmod 000`; once is a
    // test's fixture, twice in a row (what it hides must stay hidden) is not measured and stops it.
    const hidden = usage.unreadable && closedBefore;
    closedBefore = usage.unreadable;
    if (grown || hidden) {
      if (!grown) reason = `The sandbox kept part of its checkout unreadable, so what it wrote could not be measured against FERRY_SANDBOX_DISK_MB (${options.limitMb} MB); the task was stopped`;
      exceeded.abort(new Error(reason));
      return false;
    }
    return true;
  };
  // A measurement that fails (du cannot start, say) is logged and the next one comes as usual:
  // the watch must not end quietly, nor its rejection reach the process (fault-policy.ts).
  const watch = async (): Promise<void> => {
    let again = true;
    await runIteration(options.log, "could not measure the task's disk use; measuring again at the next check", { dirs: options.dirs }, async () => {
      again = await check();
    });
    if (!again || stopped || options.signal.aborted) return;
    // Measured one after the other: a slow `du` on a huge tree never overlaps itself.
    timer = setTimeout(() => void watch(), options.intervalMs ?? CHECK_EVERY_MS).unref();
  };
  void watch();

  return {
    signal,
    verdict: (outcome) => (exceeded.signal.aborted ? { outcome: "failed", reason, spend: outcome.spend } : outcome),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The disk the directories take (`du -s -c -x`: hard links once, one file system); a directory
 * not there yet counts nothing. `bytes` is undefined when `du` gave no total.
 */
export async function diskUsage(dirs: readonly string[]): Promise<DiskUsage> {
  const result = await execa("du", ["-s", "-c", "-x", "--block-size=1", "--", ...dirs], {
    reject: false,
    timeout: 60_000,
    stdin: "ignore",
    env: { LC_ALL: "C" },
  });
  const total = /^(\d+)\s+total$/m.exec(result.stdout);
  return { bytes: total ? Number(total[1]) : undefined, unreadable: /Permission denied/.test(result.stderr) };
}
