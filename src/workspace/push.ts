import { runGit } from "./git.ts";
import type { RemoteOptions } from "./ls-remote.ts";
import { remoteBranchShas } from "./ls-remote.ts";
import { ATOMIC_FOLLOWER, parsePushReport, STALE_LEASE } from "./push-report.ts";

export type BranchUpdate = {
  name: string;
  sha: string;
  /**
   * What the remote branch must point at for the update to go ahead: a sha, or null for "must
   * not exist". Left out, it is read with ls-remote just before the push.
   */
  expected?: string | null;
};

export type PushResult =
  | { outcome: "pushed"; branches: { name: string; sha: string; previousSha: string | null }[] }
  /** Someone else moved these branches since they were read: nothing was pushed. */
  | { outcome: "stale"; branches: string[]; message: string }
  /** The server refused (a protected branch, a hook): nothing was pushed. */
  | { outcome: "rejected"; branches: { name: string; reason: string }[]; message: string };

/**
 * Pushes every branch in one atomic push to the clone URL (no named remote), each forced but
 * leased to the value it was expected to have, so a branch someone else moved is never overwritten.
 */
export async function pushBranches(gitDir: string, updates: readonly BranchUpdate[], options: RemoteOptions): Promise<PushResult> {
  const unknown = updates.filter((update) => update.expected === undefined).map((update) => update.name);
  const remote = unknown.length > 0 ? await remoteBranchShas(unknown, options) : new Map<string, string>();
  const leases = updates.map((update) => ({ ...update, expected: update.expected === undefined ? (remote.get(update.name) ?? null) : update.expected }));
  const args = [
    "push",
    "--atomic",
    "--porcelain",
    "--no-verify",
    ...leases.map((lease) => `--force-with-lease=refs/heads/${lease.name}:${lease.expected ?? ""}`),
    options.cloneUrl,
    ...leases.map((lease) => `${lease.sha}:refs/heads/${lease.name}`),
  ];
  const result = await runGit(args, { ...options, gitDir, okExitCodes: [1] });
  const rejected = parsePushReport(result.stdout).filter((ref) => ref.rejected && ref.reason !== ATOMIC_FOLLOWER);
  if (result.exitCode === 0) {
    return { outcome: "pushed", branches: leases.map((lease) => ({ name: lease.name, sha: lease.sha, previousSha: lease.expected })) };
  }
  const stale = rejected.filter((ref) => ref.reason === STALE_LEASE).map((ref) => ref.branch);
  if (stale.length > 0) {
    const message = `Not pushed: ${stale.join(", ")} changed on the remote since Ferry last read it; nothing was overwritten.`;
    return { outcome: "stale", branches: stale, message };
  }
  const refused = rejected.map((ref) => ({ name: ref.branch, reason: ref.reason ?? ref.summary }));
  const detail = refused.map((ref) => `${ref.name} (${ref.reason})`).join(", ") || result.stderr.trim();
  return { outcome: "rejected", branches: refused, message: `The remote refused the push: ${detail}` };
}
