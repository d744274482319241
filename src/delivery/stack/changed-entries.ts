import type { GitDeadline } from "../../workspace/git.ts";
import { rawChanges } from "../../workspace/raw-diff.ts";

/** What the final tree holds at a changed path: its mode and object, or mode `000000` where the change removes it. */
export type TreeEntry = { mode: string; sha: string };

/**
 * Every path the change touches, with its entry in the final tree. Renames come apart into a
 * removal and an addition, so a slice's `oldPath` finds its removal here.
 */
export async function changedEntries(gitDir: string, from: string, to: string, deadline: GitDeadline): Promise<Map<string, TreeEntry>> {
  const changes = await rawChanges(gitDir, from, to, deadline);
  return new Map(changes.map((change) => [change.path, { mode: change.newMode, sha: change.newSha }]));
}
