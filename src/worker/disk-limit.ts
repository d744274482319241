import { execa } from "execa";
import type { AgentOutcome } from "../agent/outcome.ts";

/** How often the task's directories are measured: a sandbox writing flat out fills a few GB in that time at most. */
const CHECK_EVERY_MS = 10_000;

export type DiskLimitOptions = {
  /** The task's directories on the host (the checkout the sandbox writes, and Ferry's verify checkout). */
  dirs: readonly string[];
  limitMb: number;
  /** The task's own signal: the watch ends with it. */
  signal: AbortSignal;
  intervalMs?: number;
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
 * count) by `du` on the host, which only stats: nothing of the tree is opened or read.
 */
export function watchDiskLimit(options: DiskLimitOptions): DiskLimit {
  const limitBytes = options.limitMb * 1024 * 1024;
  const message = `The sandbox wrote more than ${options.limitMb} MB (FERRY_SANDBOX_DISK_MB), so the task was stopped`;
  const exceeded = new AbortController();
  const signal = AbortSignal.any([options.signal, exceeded.signal]);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let baseline: number | undefined;

  const check = async (): Promise<void> => {
    const used = await bytesUsed(options.dirs);
    if (stopped || options.signal.aborted) return;
    baseline ??= used;
    if (used !== undefined && baseline !== undefined && used - baseline > limitBytes) {
      exceeded.abort(new Error(message));
      return;
    }
    // Measured one after the other: a slow `du` on a huge tree never overlaps itself.
    timer = setTimeout(() => void check(), options.intervalMs ?? CHECK_EVERY_MS).unref();
  };
  void check();

  return {
    signal,
    verdict: (outcome) => (exceeded.signal.aborted ? { outcome: "failed", reason: message, spend: outcome.spend } : outcome),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Bytes of disk the directories take (`du -s -c -x`, hard links once, one file system); a directory
 * not there yet counts nothing. Undefined when `du` gave no total.
 */
export async function bytesUsed(dirs: readonly string[]): Promise<number | undefined> {
  const result = await execa("du", ["-s", "-c", "-x", "--block-size=1", "--", ...dirs], { reject: false, timeout: 60_000, stdin: "ignore" });
  const total = /^(\d+)\s+total$/m.exec(result.stdout);
  return total ? Number(total[1]) : undefined;
}
