import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/** Bytes a directory tree takes on disk (allocated blocks, not apparent sizes). */
export async function diskUsage(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = [dir, ...entries.map((entry) => join(entry.parentPath, entry.name))];
  let total = 0;
  for (const path of paths) {
    const stats = await lstat(path);
    total += stats.blocks > 0 ? stats.blocks * 512 : stats.size;
  }
  return total;
}
