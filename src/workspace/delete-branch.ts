import { runGit } from "./git.ts";
import type { RemoteOptions } from "./ls-remote.ts";
import { remoteBranchShas } from "./ls-remote.ts";
import { parsePushReport, STALE_LEASE } from "./push-report.ts";

export type DeleteBranchResult =
  | { outcome: "deleted"; previousSha: string }
  /** The branch was not on the remote: nothing to do. */
  | { outcome: "absent" }
  /** It moved between reading and deleting; left alone. */
  | { outcome: "stale"; message: string }
  | { outcome: "rejected"; reason: string; message: string };

/** Deletes a branch on the remote, leased to the sha just read so a branch someone updated meanwhile survives. */
export async function deleteRemoteBranch(gitDir: string, name: string, options: RemoteOptions): Promise<DeleteBranchResult> {
  const previousSha = (await remoteBranchShas([name], options)).get(name);
  if (!previousSha) return { outcome: "absent" };
  const args = ["push", "--atomic", "--porcelain", "--no-verify", `--force-with-lease=refs/heads/${name}:${previousSha}`, options.cloneUrl, `:refs/heads/${name}`];
  const result = await runGit(args, { ...options, gitDir, okExitCodes: [1] });
  if (result.exitCode === 0) return { outcome: "deleted", previousSha };
  const report = parsePushReport(result.stdout).find((ref) => ref.branch === name);
  if (report?.reason === STALE_LEASE) return { outcome: "stale", message: `Not deleted: ${name} changed on the remote meanwhile.` };
  const reason = report?.reason ?? (result.stderr.trim() || "unknown");
  return { outcome: "rejected", reason, message: `The remote refused to delete ${name}: ${reason}` };
}
