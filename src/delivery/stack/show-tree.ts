import type { GitDeadline } from "../../workspace/git.ts";
import { hostGit } from "../../workspace/host-git.ts";
import type { VerifyCheckout } from "../../workspace/verify-checkout.ts";

/**
 * Makes the verify checkout hold exactly `tree`, through the host git dir and the verify index,
 * while no sandbox runs on it: tracked files are rewritten, added or removed (edits a check made
 * are undone too), untracked files a check left behind are removed, and ignored files
 * (`node_modules/` from setup, build caches) stay. The agent's tree is never used for this.
 */
export async function showTree(verify: VerifyCheckout, tree: string, deadline: GitDeadline): Promise<void> {
  const options = { ...deadline, env: { GIT_INDEX_FILE: verify.indexFile } };
  const on = { gitDir: verify.gitDir, workDir: verify.dir };
  // A sandbox's chown makes every file look changed; a refresh (cheap) keeps the reset from
  // rewriting the files whose content is the same.
  await hostGit(on, ["update-index", "-q", "--refresh"], options);
  await hostGit(on, ["read-tree", "-u", "--reset", tree], options);
  // Without -x: ignored files are kept. Every file that is not ignored is in the tree already.
  await hostGit(on, ["clean", "-f", "-d", "-q"], options);
}
