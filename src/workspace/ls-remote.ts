import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";

export type RemoteOptions = GitDeadline & { cloneUrl: string; token?: string };

/** Where each named branch points on the remote right now; absent branches are not in the map. */
export async function remoteBranchShas(names: readonly string[], options: RemoteOptions): Promise<Map<string, string>> {
  const refs = names.map((name) => `refs/heads/${name}`);
  const { stdout } = await runGit(["ls-remote", "--heads", options.cloneUrl, ...refs], options);
  const wanted = new Set(refs);
  const shas = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const [sha, ref] = line.split("\t");
    // ls-remote patterns match on the tail of a ref name, so keep exact matches only.
    if (sha && ref && wanted.has(ref)) shas.set(ref.slice("refs/heads/".length), sha);
  }
  return shas;
}
