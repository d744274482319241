import type { BigIntStats } from "node:fs";
import { lstat, readlink } from "node:fs/promises";
import { dirname, join } from "node:path";

/** What the stopped sandbox left at a path, seen with lstat only: nothing is followed. */
export type WorkEntry =
  | { kind: "file"; path: string; mode: "100644" | "100755"; stat: BigIntStats }
  | { kind: "symlink"; path: string; target: Buffer; stat: BigIntStats }
  /** Missing, a directory, a device, or below something that is not a real directory. */
  | { kind: "absent"; path: string };

/**
 * Looks at one path of the work tree the way git records it: a regular file (its executable
 * bit), or a symbolic link (its target, never what it points at). A path below a symlinked or
 * missing directory is absent, as it is for git. Call only once the sandbox has stopped.
 */
export async function inspectWorkEntry(workDir: string, path: string, directories: Map<string, Promise<boolean>>): Promise<WorkEntry> {
  if (!(await isRealDirectory(workDir, dirname(path), directories))) return { kind: "absent", path };
  const stat = await lstat(join(workDir, path), { bigint: true }).catch(() => undefined);
  if (stat?.isFile()) return { kind: "file", path, mode: (stat.mode & 0o100n) !== 0n ? "100755" : "100644", stat };
  if (stat?.isSymbolicLink()) return { kind: "symlink", path, target: await readlink(join(workDir, path), { encoding: "buffer" }), stat };
  return { kind: "absent", path };
}

/** Every component of `dir` (relative, `.` for the top) is a directory and none is a symbolic link. */
function isRealDirectory(workDir: string, dir: string, known: Map<string, Promise<boolean>>): Promise<boolean> {
  if (dir === "." || dir === "") return Promise.resolve(true);
  const cached = known.get(dir);
  if (cached) return cached;
  const answer = isRealDirectory(workDir, dirname(dir), known).then(async (parentIsReal) => {
    if (!parentIsReal) return false;
    const stat = await lstat(join(workDir, dir)).catch(() => undefined);
    return stat?.isDirectory() === true;
  });
  known.set(dir, answer);
  return answer;
}
