import type { Checkout } from "../../workspace/checkout.ts";
import type { GitDeadline } from "../../workspace/git.ts";
import { hostGit, stageAll } from "../../workspace/host-git.ts";

/** The tree of the working tree as the agent left it (ignored files aside), recorded in the host git dir. */
export async function finalTree(checkout: Pick<Checkout, "gitDir" | "workDir">, deadline: GitDeadline): Promise<string> {
  await stageAll(checkout, deadline);
  return (await hostGit(checkout, ["write-tree"], deadline)).stdout.trim();
}
