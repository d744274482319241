import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { GitDeadline } from "../../workspace/git.ts";
import { objectGit } from "../../workspace/host-git.ts";
import type { Slice } from "../split/slice.ts";
import type { TreeEntry } from "./changed-entries.ts";
import { changedEntries } from "./changed-entries.ts";

export type StackTrees = {
  /** The whole change: the frozen tree that was checked. */
  final: string;
  /** Per slice k (0-based here), the tree of the base plus slices 1..k; the last equals `final`. */
  prefixes: string[];
};

/**
 * The tree of each prefix of the stack, built in a scratch index of the host git dir from the
 * base and the final tree's entries (mode and blob), so binaries and executable bits come
 * through. Objects only: no work tree is read. The last prefix must be `final` itself.
 */
export async function prefixTrees(checkout: { gitDir: string; baseSha: string }, final: string, slices: readonly Slice[], deadline: GitDeadline): Promise<StackTrees> {
  const { gitDir } = checkout;
  const entries = await changedEntries(gitDir, checkout.baseSha, final, deadline);
  const scratch = await mkdtemp(join(gitDir, "stack-"));
  try {
    const git = (args: string[], input?: string) => objectGit(gitDir, args, { ...deadline, input, env: { GIT_INDEX_FILE: join(scratch, "index") } });
    await git(["read-tree", checkout.baseSha]);
    const prefixes: string[] = [];
    for (const slice of slices) {
      await git(["update-index", "--add", "--replace", "-z", "--index-info"], indexInfo(slice, entries));
      prefixes.push((await git(["write-tree"])).stdout.trim());
    }
    const whole = prefixes.at(-1) ?? (await git(["write-tree"])).stdout.trim();
    if (whole !== final) await throwMismatch(gitDir, whole, final, deadline);
    return { final, prefixes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `update-index --index-info` lines for a slice's paths; mode 0 removes a path. */
function indexInfo(slice: Slice, entries: ReadonlyMap<string, TreeEntry>): string {
  const paths = slice.files.flatMap((file) => (file.oldPath === undefined ? [file.path] : [file.oldPath, file.path]));
  return paths.flatMap((path) => {
    const entry = entries.get(path);
    return entry ? [`${entry.mode} ${entry.sha}\t${path}\0`] : [];
  }).join("");
}

/** The slices do not add up to the change: a bug in whoever made them. */
async function throwMismatch(gitDir: string, whole: string, final: string, deadline: GitDeadline): Promise<never> {
  const { stdout } = await objectGit(gitDir, ["diff-tree", "-r", "-z", "--name-only", "--no-renames", whole, final], deadline);
  const paths = stdout.split("\0").filter(Boolean);
  throw new Error(`The slices do not add up to the change; they differ at: ${paths.slice(0, 10).join(", ")}`);
}
