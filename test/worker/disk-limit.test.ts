import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentOutcome } from "../../src/tasks/agent-outcome.ts";
import { diskUsage, watchDiskLimit, type DiskLimit, type DiskUsage } from "../../src/worker/disk-limit.ts";
import { waitFor } from "../helpers/process.ts";
import { recordingLog } from "../helpers/recording-log.ts";

const MB = 1024 * 1024;
const MESSAGE = "The sandbox wrote more than 1 MB (FERRY_SANDBOX_DISK_MB), so the task was stopped";
const spend = { steps: 3, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0, costUsd: 0.01, minutes: 0.5 };
const noChanges: AgentOutcome = { outcome: "no-changes", summary: "nothing to do", spend };

let dir: string;
let watch: DiskLimit | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ferry-disk-"));
});
afterEach(async () => {
  watch?.stop();
  await rm(dir, { recursive: true, force: true });
});

const start = (signal = new AbortController().signal) => (watch = watchDiskLimit({ dirs: [dir, join(dir, "not-yet")], limitMb: 1, signal, intervalMs: 20, log: recordingLog() }));
const baselineTaken = () => new Promise((resolve) => setTimeout(resolve, 100));

test("writing past the limit aborts the run with the limit's message", async () => {
  const { signal } = start();
  await baselineTaken();
  await writeFile(join(dir, "big.bin"), Buffer.alloc(2 * MB, 1));
  await waitFor("the watch to trip", () => (signal.aborted ? true : undefined), 5_000);
  expect((signal.reason as Error).message).toBe(MESSAGE);
});

test("the run it stopped ends as failed with that message, its spend kept", async () => {
  const disk = start();
  await baselineTaken();
  await writeFile(join(dir, "big.bin"), Buffer.alloc(2 * MB, 1));
  await waitFor("the watch to trip", () => (disk.signal.aborted ? true : undefined), 5_000);
  expect(disk.verdict({ outcome: "cancelled", reason: MESSAGE, spend })).toEqual({ outcome: "failed", reason: MESSAGE, spend });
});

test("what was there at the start does not count, and a run within the limit keeps its outcome", async () => {
  await writeFile(join(dir, "checkout.bin"), Buffer.alloc(3 * MB, 1));
  const disk = start();
  await baselineTaken();
  await writeFile(join(dir, "small.bin"), Buffer.alloc(MB / 2, 1));
  await baselineTaken();
  expect(disk.signal.aborted).toBe(false);
  expect(disk.verdict(noChanges)).toBe(noChanges);
});

test("a stopped watch measures no more", async () => {
  const disk = start();
  await baselineTaken();
  disk.stop();
  await writeFile(join(dir, "big.bin"), Buffer.alloc(2 * MB, 1));
  await baselineTaken();
  expect(disk.signal.aborted).toBe(false);
});

test("the task's own abort reaches the run, and is no disk failure", async () => {
  const task = new AbortController();
  const disk = start(task.signal);
  task.abort(new Error("stopped by @mona"));
  expect(disk.signal.aborted).toBe(true);
  expect(disk.verdict(noChanges)).toBe(noChanges);
});

test("diskUsage counts what is there and nothing for a directory not made yet", async () => {
  await writeFile(join(dir, "a.bin"), Buffer.alloc(MB, 1));
  const usage = await diskUsage([dir, join(dir, "missing")]);
  expect(usage).toEqual({ bytes: expect.any(Number), unreadable: false });
  expect(usage.bytes).toBeGreaterThanOrEqual(MB);
  expect(usage.bytes).toBeLessThan(2 * MB);
});

describe("a sandbox running as Ferry's user hides what it wrote behind chmod 000", () => {
  /** Measurements in turn, the last one repeated. */
  const measured = (...usages: DiskUsage[]) => {
    let index = 0;
    return async () => usages[Math.min(index++, usages.length - 1)] as DiskUsage;
  };
  const watchWith = (measure: () => Promise<DiskUsage>) =>
    (watch = watchDiskLimit({ dirs: [dir], limitMb: 1, signal: new AbortController().signal, intervalMs: 5, measure, log: recordingLog() }));

  test("a directory unreadable at two measurements in a row stops the task, saying why", async () => {
    const disk = watchWith(measured({ bytes: MB, unreadable: false }, { bytes: MB, unreadable: true }));
    await waitFor("the watch to trip", () => (disk.signal.aborted ? true : undefined), 5_000);
    expect(disk.verdict(noChanges)).toEqual({
      outcome: "failed",
      reason: "The sandbox kept part of its checkout unreadable, so what it wrote could not be measured against FERRY_SANDBOX_DISK_MB (1 MB); the task was stopped",
      spend,
    });
  });

  test("one that is readable again at the next measurement (a test's fixture) does not", async () => {
    const readable = { bytes: MB, unreadable: false };
    const disk = watchWith(measured(readable, { bytes: MB, unreadable: true }, readable, { bytes: MB, unreadable: true }, readable));
    await baselineTaken();
    expect(disk.signal.aborted).toBe(false);
  });
});

test("a measurement that fails is logged, and the next one still stops a task past the limit", async () => {
  const log = recordingLog();
  let measurements = 0;
  const measure = async (): Promise<DiskUsage> => {
    measurements += 1;
    if (measurements === 1) throw new Error("du: cannot start");
    return { bytes: measurements === 2 ? 0 : 2 * MB, unreadable: false };
  };
  const disk = (watch = watchDiskLimit({ dirs: [dir], limitMb: 1, signal: new AbortController().signal, intervalMs: 5, measure, log }));

  await waitFor("the watch to trip", () => (disk.signal.aborted ? true : undefined), 5_000);

  expect(log.lines).toEqual([expect.objectContaining({ level: "error", fields: expect.objectContaining({ dirs: [dir] }), message: "could not measure the task's disk use; measuring again at the next check" })]);
});
