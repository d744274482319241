import type { GitDeadline } from "../../workspace/git.ts";
import { objectGit } from "../../workspace/host-git.ts";
import type { FileReader } from "../split/file-relations.ts";

/** Bigger files are not scanned for imports: generated bundles, fixtures. */
const MAX_SCANNED_BYTES = 512 * 1024;
/** Blobs come from git one process each; this many at a time. */
const GIT_READS_AT_ONCE = 8;

/**
 * What the split planner may read of a change: the frozen tree and the base, both from the host
 * git dir's objects. The agent's work tree is never read, so what is split is what was checked.
 */
export function treeReader(gitDir: string, from: { base: string; tree: string }, deadline: GitDeadline): FileReader {
  const gate = limitConcurrency(GIT_READS_AT_ONCE);
  const blob = (rev: string) =>
    gate(async () => {
      const size = await objectGit(gitDir, ["cat-file", "-s", rev], { ...deadline, okExitCodes: [128] });
      if (size.exitCode !== 0 || Number(size.stdout.trim()) > MAX_SCANNED_BYTES) return undefined;
      const shown = await objectGit(gitDir, ["cat-file", "blob", rev], { ...deadline, okExitCodes: [128] });
      return shown.exitCode === 0 ? shown.stdout : undefined;
    });
  return {
    current: (path) => blob(`${from.tree}:${path}`),
    base: (path) => blob(`${from.base}:${path}`),
  };
}

function limitConcurrency(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
