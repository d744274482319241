import type { Checkout } from "../../workspace/checkout.ts";
import type { GitDeadline } from "../../workspace/git.ts";
import { hostGit } from "../../workspace/host-git.ts";

/**
 * Makes the working tree hold exactly `tree`, through the host git dir: tracked files are
 * rewritten, added or removed (edits a check made are undone too), untracked files a check left
 * behind are removed, and ignored files (`node_modules/`, build caches) stay as they are.
 */
export async function showTree(checkout: Pick<Checkout, "gitDir" | "workDir">, tree: string, deadline: GitDeadline): Promise<void> {
  // A sandbox's chown makes every file look changed; a refresh (cheap) keeps the reset from
  // rewriting the files whose content is the same.
  await hostGit(checkout, ["update-index", "-q", "--refresh"], deadline);
  await hostGit(checkout, ["read-tree", "-u", "--reset", tree], deadline);
  // Without -x: ignored files are kept. Every file that is not ignored is in the final tree already.
  await hostGit(checkout, ["clean", "-f", "-d", "-q"], deadline);
}
