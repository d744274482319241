import type { Checkout } from "../../workspace/checkout.ts";
import type { GitDeadline } from "../../workspace/git.ts";
import { hostGit } from "../../workspace/host-git.ts";

/** What the final tree holds at a changed path: its mode and object, or mode `000000` where the change removes it. */
export type TreeEntry = { mode: string; sha: string };

/**
 * Every path the change touches, with its entry in the final tree. Renames come apart into a
 * removal and an addition, so a slice's `oldPath` finds its removal here.
 */
export async function changedEntries(
  checkout: Pick<Checkout, "gitDir" | "workDir">,
  from: string,
  to: string,
  deadline: GitDeadline,
): Promise<Map<string, TreeEntry>> {
  const { stdout } = await hostGit(checkout, ["diff-tree", "-r", "-z", "--no-renames", from, to], deadline);
  return parseRawDiff(stdout);
}

/** `:oldmode newmode oldsha newsha status NUL path NUL`, once per path (`-z`, no renames). */
export function parseRawDiff(output: string): Map<string, TreeEntry> {
  const fields = output.split("\0");
  const entries = new Map<string, TreeEntry>();
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [, mode = "", , sha = ""] = (fields[index] ?? "").slice(1).split(" ");
    const path = fields[index + 1];
    if (path) entries.set(path, { mode, sha });
  }
  return entries;
}
