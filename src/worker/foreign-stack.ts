import { foreignTips } from "../delivery/publish/branch-leases.ts";
import { partBranch } from "../github/ferry-pulls.ts";
import type { Task } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../workspace/git.ts";
import { remoteBranchShas } from "../workspace/ls-remote.ts";

/**
 * Refuses a run before its agent starts when the issue's first part branch holds a commit Ferry
 * did not push (a maintainer's, or a branch Ferry never made): its delivery would be refused at
 * the push anyway (publish-change.ts), which stays the guarantee. Undefined when the run may go.
 */
export async function foreignStackProblem(store: Store, task: Task, call: { token: string; signal: AbortSignal }): Promise<string | undefined> {
  const first = partBranch(task.issueNumber, 1);
  const remote = await remoteBranchShas([first], { cloneUrl: task.repo.cloneUrl, token: call.token, timeoutMs: DEFAULT_GIT_TIMEOUTS.fetchMs, signal: call.signal });
  const foreign = await foreignTips([first], remote, (branch) => store.pushedSha(task.repo.owner, task.repo.name, branch));
  return foreign && `Not started: ${foreign}`;
}
