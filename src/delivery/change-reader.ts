import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checkout } from "../workspace/checkout.ts";
import type { GitDeadline } from "../workspace/git.ts";
import { hostGit } from "../workspace/host-git.ts";
import type { FileReader } from "./split/file-relations.ts";

/** Bigger files are not scanned for imports: generated bundles, fixtures. */
const MAX_SCANNED_BYTES = 512 * 1024;
/** Base versions come from git one process each; this many at a time. */
const GIT_READS_AT_ONCE = 8;

/**
 * What the split planner may read of a change: the checkout as the agent left it (regular files
 * only, so a planted symlink never makes Ferry read outside the checkout) and the base commit.
 */
export function changeReader(checkout: Pick<Checkout, "gitDir" | "workDir" | "baseSha">, deadline: GitDeadline): FileReader {
  const gate = limitConcurrency(GIT_READS_AT_ONCE);
  return {
    async current(path) {
      const file = join(checkout.workDir, path);
      const info = await lstat(file).catch(() => undefined);
      if (!info?.isFile() || info.size > MAX_SCANNED_BYTES) return undefined;
      return readFile(file, "utf8");
    },
    base: (path) =>
      gate(async () => {
        const shown = await hostGit(checkout, ["cat-file", "blob", `${checkout.baseSha}:${path}`], { ...deadline, okExitCodes: [128] });
        return shown.exitCode === 0 && shown.stdout.length <= MAX_SCANNED_BYTES ? shown.stdout : undefined;
      }),
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
