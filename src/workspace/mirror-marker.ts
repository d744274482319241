import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isMissing } from "./is-missing.ts";

/**
 * A file in each mirror whose mtime is the mirror's last use (eviction evicts the oldest).
 * It is written only after a fetch succeeded, so a mirror without it is unfinished.
 */
const MARKER = "ferry-last-used";

export async function markUsed(mirrorDir: string, now = new Date()): Promise<void> {
  await writeFile(join(mirrorDir, MARKER), `${now.toISOString()}\n`);
}

/** When the mirror was last used, or undefined for a mirror that never finished a fetch. */
export async function lastUsed(mirrorDir: string): Promise<Date | undefined> {
  try {
    return (await stat(join(mirrorDir, MARKER))).mtime;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
