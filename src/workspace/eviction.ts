import { rm } from "node:fs/promises";
import { diskUsage } from "./disk-usage.ts";
import type { KeyedLock } from "./keyed-lock.ts";
import { listMirrors } from "./list-mirrors.ts";
import { lastUsed } from "./mirror-marker.ts";

/** What mirrors may take on disk together unless the operator says otherwise. */
export const DEFAULT_MIRROR_BUDGET_BYTES = 10 * 1024 ** 3;

export type EvictionOptions = {
  dataDir: string;
  budgetBytes: number;
  /** Mirrors a task checkout borrows objects from; never evicted. */
  isInUse: (mirrorDir: string) => boolean;
  /** The per-mirror lock syncs hold, so a mirror is never removed mid-fetch. */
  lock: KeyedLock;
};

export type EvictedMirror = { mirrorDir: string; bytes: number; lastUsed: Date | undefined };

export type EvictionResult = { evicted: EvictedMirror[]; bytesBefore: number; bytesAfter: number };

/** Removes least-recently-used mirrors that no task is using until all of them fit the budget. */
export async function evictMirrors(options: EvictionOptions): Promise<EvictionResult> {
  const mirrors = await Promise.all(
    (await listMirrors(options.dataDir)).map(async (mirrorDir) => ({
      mirrorDir,
      bytes: await diskUsage(mirrorDir),
      lastUsed: await lastUsed(mirrorDir),
    })),
  );
  // A mirror that never finished a fetch has no last use: it goes first.
  mirrors.sort((a, b) => (a.lastUsed?.getTime() ?? 0) - (b.lastUsed?.getTime() ?? 0));
  const bytesBefore = mirrors.reduce((sum, mirror) => sum + mirror.bytes, 0);
  let total = bytesBefore;
  const evicted: EvictedMirror[] = [];
  for (const mirror of mirrors) {
    if (total <= options.budgetBytes) break;
    const removed = await options.lock.run(mirror.mirrorDir, async () => {
      if (options.isInUse(mirror.mirrorDir)) return false;
      await rm(mirror.mirrorDir, { recursive: true, force: true });
      return true;
    });
    if (!removed) continue;
    evicted.push(mirror);
    total -= mirror.bytes;
  }
  return { evicted, bytesBefore, bytesAfter: total };
}
