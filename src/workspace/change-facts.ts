import type { GitDeadline } from "./git.ts";
import { objectGit } from "./host-git.ts";
import type { RawChange } from "./raw-diff.ts";
import { rawChanges } from "./raw-diff.ts";

export type ChangeFacts = {
  /** Every path the change touches, old and new paths apart. */
  changes: RawChange[];
  /** The target of each symbolic link the change adds or alters, by path. */
  linkTargets: ReadonlyMap<string, string>;
  /** The change as text (`git diff --text`): binary blobs included, line by line. */
  textPatch: string;
};

const SYMLINK = "120000";

/**
 * What the frozen-change checks read, from the host git dir's objects alone (no work tree, so
 * no `.gitattributes` decides what is text): every changed path with its modes, the target of
 * each symbolic link the change writes, and the change as text, binary blobs included.
 */
export async function changeFacts(gitDir: string, from: string, to: string, deadline: GitDeadline): Promise<ChangeFacts> {
  const changes = await rawChanges(gitDir, from, to, deadline);
  const links = changes.filter((change) => change.newMode === SYMLINK);
  const targets = await Promise.all(links.map(async (link) => [link.path, (await objectGit(gitDir, ["cat-file", "blob", link.newSha], deadline)).stdout] as const));
  const args = ["diff", "--text", "--no-renames", "--no-ext-diff", "--no-textconv", "--no-color", "--unified=0", from, to, "--"];
  const textPatch = changes.length === 0 ? "" : (await objectGit(gitDir, args, deadline)).stdout;
  return { changes, linkTargets: new Map(targets), textPatch };
}
