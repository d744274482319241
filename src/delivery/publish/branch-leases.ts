import type { BranchUpdate } from "../../workspace/push.ts";

/** What Ferry last pushed to a branch of this repository (any task), from the store. */
export type PushedShaOf = (branch: string) => Promise<string | undefined>;

export type LeaseResult = { ok: true; updates: BranchUpdate[] } | { ok: false; message: string };

/**
 * The lease of each branch Ferry is about to push: a branch that does not exist must still not
 * exist, one that does must still be at the commit Ferry itself pushed last. A branch whose tip
 * Ferry did not push (a maintainer's commit, a branch Ferry never made) is refused before any push.
 */
export async function leaseBranches(wanted: readonly { name: string; sha: string }[], remote: ReadonlyMap<string, string>, pushedShaOf: PushedShaOf): Promise<LeaseResult> {
  const foreign = await foreignTips(wanted.map((branch) => branch.name), remote, pushedShaOf);
  if (foreign) return { ok: false, message: `Not pushed: ${foreign}` };
  const updates: BranchUpdate[] = [];
  for (const branch of wanted) updates.push({ ...branch, expected: remote.has(branch.name) ? ((await pushedShaOf(branch.name)) ?? null) : null });
  return { ok: true, updates };
}

/** Says which of the branches have a tip Ferry did not push, and what to do; undefined when none has. */
export async function foreignTips(names: readonly string[], remote: ReadonlyMap<string, string>, pushedShaOf: PushedShaOf): Promise<string | undefined> {
  const foreign: string[] = [];
  for (const name of names) {
    const tip = remote.get(name);
    const ours = await pushedShaOf(name);
    if (tip !== undefined && tip !== ours) foreign.push(describeForeignTip(name, tip, ours));
  }
  if (foreign.length === 0) return undefined;
  return `${foreign.join("; ")}. Ferry never overwrites commits it did not push. Keep the branch and merge or close its pull request, or delete the branch, then ask again with \`/agent retry\`.`;
}

/** Whether Ferry may delete this branch: its tip is the commit Ferry pushed last. */
export const isFerrysTip = async (branch: string, tip: string, pushedShaOf: PushedShaOf): Promise<boolean> => (await pushedShaOf(branch)) === tip;

function describeForeignTip(branch: string, tip: string, ours: string | undefined): string {
  const short = tip.slice(0, 7);
  return ours === undefined
    ? `${branch} already exists (at ${short}) and Ferry did not push it`
    : `${branch} has a commit Ferry did not push (its tip is ${short}; Ferry last pushed ${ours.slice(0, 7)})`;
}
