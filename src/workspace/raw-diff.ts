import type { GitDeadline } from "./git.ts";
import { objectGit } from "./host-git.ts";

/** One path a change touches, as `git diff-tree --raw` tells it; mode `000000` is "not there". */
export type RawChange = { path: string; oldMode: string; newMode: string; oldSha: string; newSha: string };

export const ABSENT_MODE = "000000";

/**
 * Every path that differs between two tree-ishes, read from objects alone. Renames come apart
 * into a removal and an addition, so each old and new path is listed on its own.
 */
export async function rawChanges(gitDir: string, from: string, to: string, deadline: GitDeadline): Promise<RawChange[]> {
  const { stdout } = await objectGit(gitDir, ["diff-tree", "-r", "-z", "--no-renames", from, to], deadline);
  return parseRawDiff(stdout);
}

/** `:oldmode newmode oldsha newsha status NUL path NUL`, once per path (`-z`, no renames). */
export function parseRawDiff(output: string): RawChange[] {
  const fields = output.split("\0");
  const changes: RawChange[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [oldMode = "", newMode = "", oldSha = "", newSha = ""] = (fields[index] ?? "").slice(1).split(" ");
    const path = fields[index + 1];
    if (path) changes.push({ path, oldMode, newMode, oldSha, newSha });
  }
  return changes;
}
