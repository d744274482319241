import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { GitConfigEntry } from "./git-env.ts";
import { runGit } from "./git.ts";
import { lastUsed, markUsed } from "./mirror-marker.ts";

export type SyncMirrorOptions = {
  cloneUrl: string;
  token?: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * Branches only (no pull refs, no tags), and nothing is ever pruned or gc'd: task checkouts
 * borrow the mirror's objects through alternates, so an object must outlive its branch.
 */
const MIRROR_CONFIG: readonly GitConfigEntry[] = [
  ["remote.origin.fetch", "+refs/heads/*:refs/heads/*"],
  ["remote.origin.tagOpt", "--no-tags"],
  ["gc.auto", "0"],
  ["gc.pruneExpire", "never"],
  ["gc.reflogExpireUnreachable", "never"],
  ["core.logAllRefUpdates", "false"],
];

/**
 * Readable by the sandbox's user (uid 1000 when Ferry is root), which mounts the mirror read-only
 * for the checkout's borrowed objects, whatever Ferry's umask; the mirrors/ directories above it
 * stay owner-only, so no one else on the host reaches it.
 */
const MIRROR_MODE = "0644";

/**
 * Brings the bare mirror of a repository up to date: created and fully fetched the first time,
 * fetched incrementally after. Callers serialise calls per mirror directory.
 */
export async function syncMirror(mirrorDir: string, options: SyncMirrorOptions): Promise<{ created: boolean }> {
  const created = (await lastUsed(mirrorDir)) === undefined;
  if (created) await initMirror(mirrorDir, options);
  try {
    // The clone URL is set every time: a renamed repository keeps its mirror.
    await runGit(["config", "remote.origin.url", options.cloneUrl], { gitDir: mirrorDir, timeoutMs: options.timeoutMs, signal: options.signal });
    await runGit(["fetch", "--prune", "--no-tags", "--no-recurse-submodules", "--quiet", "origin"], {
      gitDir: mirrorDir,
      config: [["core.sharedRepository", MIRROR_MODE]],
      token: options.token,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
  } catch (error) {
    // A first fetch that failed leaves nothing behind to be mistaken for a mirror.
    if (created) await rm(mirrorDir, { recursive: true, force: true });
    throw error;
  }
  await markUsed(mirrorDir);
  return { created };
}

async function initMirror(mirrorDir: string, options: SyncMirrorOptions): Promise<void> {
  // Whatever is there without a marker is an unfinished mirror from a crash.
  await rm(mirrorDir, { recursive: true, force: true });
  await mkdir(dirname(mirrorDir), { recursive: true, mode: 0o700 });
  const { timeoutMs, signal } = options;
  await runGit(["init", "--bare", "--quiet", `--shared=${MIRROR_MODE}`, mirrorDir], { timeoutMs, signal });
  for (const [key, value] of MIRROR_CONFIG) await runGit(["config", key, value], { gitDir: mirrorDir, timeoutMs, signal });
}
