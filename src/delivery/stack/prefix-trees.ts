import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Checkout } from "../../workspace/checkout.ts";
import type { GitDeadline } from "../../workspace/git.ts";
import { hostGit } from "../../workspace/host-git.ts";
import type { Slice } from "../split/slice.ts";
import type { TreeEntry } from "./changed-entries.ts";
import { changedEntries } from "./changed-entries.ts";
import { finalTree } from "./final-tree.ts";

export type StackTrees = {
  /** The whole change: the working tree as the agent left it. */
  final: string;
  /** Per slice k (0-based here), the tree of the base plus slices 1..k; the last equals `final`. */
  prefixes: string[];
};

type StackCheckout = Pick<Checkout, "gitDir" | "workDir" | "baseSha">;

/**
 * The tree of each prefix of the stack, built in a temporary index of the host git dir from the
 * base and the final tree's entries (mode and blob), so binaries and executable bits come through.
 */
export async function prefixTrees(checkout: StackCheckout, slices: readonly Slice[], deadline: GitDeadline): Promise<StackTrees> {
  const final = await finalTree(checkout, deadline);
  const entries = await changedEntries(checkout, checkout.baseSha, final, deadline);
  const scratch = await mkdtemp(join(tmpdir(), "ferry-stack-"));
  try {
    const git = (args: string[], input?: string) =>
      hostGit(checkout, args, { ...deadline, input, env: { GIT_INDEX_FILE: join(scratch, "index") } });
    await git(["read-tree", checkout.baseSha]);
    const prefixes: string[] = [];
    for (const slice of slices) {
      await git(["update-index", "--add", "--replace", "-z", "--index-info"], indexInfo(slice, entries));
      prefixes.push((await git(["write-tree"])).stdout.trim());
    }
    const whole = prefixes.at(-1) ?? (await git(["write-tree"])).stdout.trim();
    if (whole !== final) await throwMismatch(checkout, whole, final, deadline);
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
async function throwMismatch(checkout: StackCheckout, whole: string, final: string, deadline: GitDeadline): Promise<never> {
  const { stdout } = await hostGit(checkout, ["diff-tree", "-r", "-z", "--name-only", "--no-renames", whole, final], deadline);
  const paths = stdout.split("\0").filter(Boolean);
  throw new Error(`The slices do not add up to the change; they differ at: ${paths.slice(0, 10).join(", ")}`);
}
