import { copyFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { checkoutOf, type Checkout, type CreateCheckoutOptions } from "./checkout.ts";
import { runGit } from "./git.ts";

/**
 * Turns a spare task directory back into a fresh checkout at the base. Everything goes through
 * the host-only git dir, which no sandbox ever saw: the tree is reset to the base (rewriting only
 * files that differ) and cleaned of every untracked and ignored file, and the agent's old `.git`
 * (which a sandbox could write) is replaced by a new `--shared` one, as on a fresh checkout.
 */
export async function recycleCheckout(options: CreateCheckoutOptions): Promise<Checkout> {
  const { dirs, mirrorDir, baseSha, branch, timeoutMs, signal } = options;
  const host = { gitDir: dirs.git, timeoutMs, signal };
  const tree = { ...host, workTree: dirs.work };
  await rm(join(dirs.work, ".git"), { recursive: true, force: true });
  await runGit(["update-ref", `refs/heads/${branch}`, baseSha], host);
  await runGit(["symbolic-ref", "HEAD", `refs/heads/${branch}`], host);
  // The sandbox's chown made every file look changed; a refresh re-reads them (cheap) so
  // the reset only rewrites the files whose content really differs (expensive on some disks).
  await runGit(["update-index", "-q", "--refresh"], tree);
  await runGit(["reset", "--hard", "--quiet", baseSha], tree);
  await runGit(["clean", "-ffdxq"], tree);
  // A clone into an empty directory is only metadata; its .git moves into the tree.
  const fresh = join(dirs.root, "fresh");
  await rm(fresh, { recursive: true, force: true });
  await runGit(["clone", "--shared", "--no-checkout", "--quiet", mirrorDir, fresh], { timeoutMs, signal });
  const agentGitDir = join(dirs.work, ".git");
  await rename(join(fresh, ".git"), agentGitDir);
  await rm(fresh, { recursive: true, force: true });
  await runGit(["update-ref", `refs/heads/${branch}`, baseSha], { gitDir: agentGitDir, timeoutMs, signal });
  await runGit(["symbolic-ref", "HEAD", `refs/heads/${branch}`], { gitDir: agentGitDir, timeoutMs, signal });
  await copyFile(join(dirs.git, "index"), join(agentGitDir, "index"));
  return checkoutOf(options);
}
