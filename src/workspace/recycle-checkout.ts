import { copyFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { checkoutOf, type Checkout, type CreateCheckoutOptions } from "./checkout.ts";
import { runGit } from "./git.ts";
import { assertHostGitDirIntact, findHostGitDir, hostGit } from "./host-git.ts";
import { pointHeadAt } from "./refs.ts";

/**
 * Turns a spare task directory back into a fresh checkout at the base. Everything goes through
 * the host-only git dir, which no sandbox ever saw: the tree is reset to the base (rewriting only
 * files that differ) and cleaned of every untracked and ignored file, and the agent's old `.git`
 * (which a sandbox could write) is replaced by a new `--shared` one, as on a fresh checkout.
 * No sandbox runs on the spare while this happens; the old verify checkout goes.
 */
export async function recycleCheckout(options: CreateCheckoutOptions): Promise<Checkout> {
  const { dirs, mirrorDir, baseSha, branch, timeoutMs, signal } = options;
  const deadline = { timeoutMs, signal };
  const gitDir = await findHostGitDir(options.hostGitRoot, dirs.hostGitName);
  if (!gitDir) throw new Error("The spare has no host git dir");
  await assertHostGitDirIntact(gitDir, mirrorDir);
  const host = { gitDir, workDir: dirs.work };
  const agentGitDir = join(dirs.work, ".git");
  await rm(agentGitDir, { recursive: true, force: true });
  await rm(dirs.verify, { recursive: true, force: true });
  await pointHeadAt(gitDir, branch, baseSha, deadline);
  // The sandbox's chown made every file look changed; a refresh re-reads them (cheap) so
  // the reset only rewrites the files whose content really differs (expensive on some disks).
  await hostGit(host, ["update-index", "-q", "--refresh"], deadline);
  await hostGit(host, ["reset", "--hard", "--quiet", baseSha], deadline);
  await hostGit(host, ["clean", "-ffdxq"], deadline);
  // A clone into an empty directory is only metadata; its .git moves into the tree.
  const fresh = join(dirs.root, "fresh");
  await rm(fresh, { recursive: true, force: true });
  await runGit(["clone", "--shared", "--no-checkout", "--quiet", mirrorDir, fresh], deadline);
  await rename(join(fresh, ".git"), agentGitDir);
  await rm(fresh, { recursive: true, force: true });
  await pointHeadAt(agentGitDir, branch, baseSha, deadline);
  await copyFile(join(gitDir, "index"), join(agentGitDir, "index"));
  return checkoutOf(options, gitDir);
}
