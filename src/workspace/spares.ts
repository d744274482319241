import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { mirrorsRoot } from "./layout.ts";

/**
 * A finished task's checkout, kept (one per repository) so the next task of that repository
 * starts from a tree that only needs the files that differ rewritten, instead of all of them.
 *   spares/<host>/<owner>/<repo>.git    the task directory (work/ and git/) of the last task
 */
export function spareDirOf(dataDir: string, mirrorDir: string): string {
  return join(dataDir, "spares", relative(mirrorsRoot(dataDir), mirrorDir));
}

/** Moves the spare of a mirror to `taskRoot`; false when there is none. */
export async function takeSpare(dataDir: string, mirrorDir: string, taskRoot: string): Promise<boolean> {
  const spare = spareDirOf(dataDir, mirrorDir);
  if (!(await exists(spare))) return false;
  await rm(taskRoot, { recursive: true, force: true });
  await mkdir(dirname(taskRoot), { recursive: true });
  await rename(spare, taskRoot);
  return true;
}

/** Keeps a task directory as its mirror's spare, replacing an older one. */
export async function keepSpare(dataDir: string, mirrorDir: string, taskRoot: string): Promise<void> {
  const spare = spareDirOf(dataDir, mirrorDir);
  await rm(spare, { recursive: true, force: true });
  await mkdir(dirname(spare), { recursive: true });
  await rename(taskRoot, spare);
}

export async function dropSpare(dataDir: string, mirrorDir: string): Promise<void> {
  await rm(spareDirOf(dataDir, mirrorDir), { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
