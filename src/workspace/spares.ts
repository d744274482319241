import { mkdir, rename, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { removeTaskDirs } from "./checkout.ts";
import { hostGitNameFileOf, hostGitRoot, mirrorsRoot } from "./layout.ts";

/**
 * A finished task's checkout, kept (one per repository) so the next task of that repository
 * starts from a tree that only needs the files that differ rewritten, instead of all of them.
 *   spares/<host>/<owner>/<repo>.git    the task directory of the last task (work/, and the
 *                                       name of its host git dir, which stays where it is)
 */
export function spareDirOf(dataDir: string, mirrorDir: string): string {
  return join(dataDir, "spares", relative(mirrorsRoot(dataDir), mirrorDir));
}

/** Moves the spare of a mirror to `taskRoot`; false when there is none. */
export async function takeSpare(dataDir: string, mirrorDir: string, taskRoot: string): Promise<boolean> {
  const spare = spareDirOf(dataDir, mirrorDir);
  if (!(await exists(spare))) return false;
  await removeTaskRoot(dataDir, taskRoot);
  await mkdir(dirname(taskRoot), { recursive: true, mode: 0o700 });
  await rename(spare, taskRoot);
  return true;
}

/** Keeps a task directory as its mirror's spare, replacing an older one. */
export async function keepSpare(dataDir: string, mirrorDir: string, taskRoot: string): Promise<void> {
  const spare = spareDirOf(dataDir, mirrorDir);
  await removeTaskRoot(dataDir, spare);
  await mkdir(dirname(spare), { recursive: true, mode: 0o700 });
  await rename(taskRoot, spare);
}

export async function dropSpare(dataDir: string, mirrorDir: string): Promise<void> {
  await removeTaskRoot(dataDir, spareDirOf(dataDir, mirrorDir));
}

/** A task directory (or spare) and the host git dir it names. */
export function removeTaskRoot(dataDir: string, root: string): Promise<void> {
  return removeTaskDirs(hostGitRoot(dataDir), { root, hostGitName: hostGitNameFileOf(root) });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
