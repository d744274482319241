import type { Log } from "../logger.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import type { GitHub } from "../github/platform.ts";
import { inlineCode } from "../github/markdown.ts";
import type { Store } from "../tasks/store.ts";
import type { Checkout } from "../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../workspace/git.ts";
import { remoteBranchShas } from "../workspace/ls-remote.ts";
import type { Workspaces } from "../workspace/workspaces.ts";
import { leaseBranches } from "./publish/branch-leases.ts";
import { publishStack } from "./publish/publish-stack.ts";
import type { PartToPublish, PublishRequest, PublishResult } from "./publish/publish-request.ts";
import { changedLines } from "./split/slice.ts";
import type { BuiltStack } from "./stack/build-stack.ts";
import type { StackMerge } from "./stack/stack-merge.ts";
import type { StackPart } from "./stack/stack-part.ts";

type ChangesReady = Extract<AgentOutcome, { outcome: "changes-ready" }>;

export type PublishChangeRequest = Omit<PublishRequest, "parts" | "summary" | "weakening" | "spend" | "pushedShaOf"> & {
  checkout: Checkout;
  stack: BuiltStack;
  outcome: ChangesReady;
  /** A fresh installation token, asked for just before the push. */
  token: string;
  signal: AbortSignal;
};

export type PublishChangeResult = { outcome: "published"; result: PublishResult } | { outcome: "not-pushed"; message: string };

/** Pushes every part in one atomic, leased push, then opens or updates their pull requests and records them. */
export async function publishChange(
  deps: { workspaces: Workspaces; client: GitHub; store: Store; log?: Log },
  request: PublishChangeRequest,
): Promise<PublishChangeResult> {
  const { checkout, stack, outcome, token, signal, ...publish } = request;
  // Leased to what Ferry (any task) pushed last to each branch, so a commit someone else put there is never overwritten.
  const pushedShaOf = (branch: string) => deps.store.pushedSha(publish.owner, publish.repo, branch);
  const wanted = stack.parts.map((part) => ({ name: part.branch, sha: part.sha }));
  const remote = await remoteBranchShas(wanted.map((branch) => branch.name), { cloneUrl: checkout.repo.cloneUrl, token, timeoutMs: DEFAULT_GIT_TIMEOUTS.fetchMs, signal });
  const leased = await leaseBranches(wanted, remote, pushedShaOf);
  if (!leased.ok) return { outcome: "not-pushed", message: leased.message };
  const pushed = await deps.workspaces.push(checkout, leased.updates, { token, signal });
  if (pushed.outcome !== "pushed") return { outcome: "not-pushed", message: pushed.message };
  for (const branch of pushed.branches) await deps.store.recordPush(publish.owner, publish.repo, branch.name, branch.sha);
  signal.throwIfAborted();
  const result = await publishStack(
    deps.client,
    { ...publish, summary: outcome.summary, weakening: outcome.weakening, spend: outcome.spend, parts: stack.parts.map((part) => partToPublish(part, stack.merges)), pushedShaOf },
    deps.log,
  );
  for (const branch of result.deletedBranches) await deps.store.recordPush(publish.owner, publish.repo, branch, null);
  await deps.store.setParts(publish.taskId, result.parts);
  return { outcome: "published", result };
}

function partToPublish(part: StackPart, merges: readonly StackMerge[]): PartToPublish {
  const merge = merges.filter((m) => m.part === part.index).at(-1);
  return {
    branch: part.branch,
    headSha: part.sha,
    files: part.slice.files.map((file) => ({ path: file.path, lines: changedLines(file) })),
    lines: part.slice.lines,
    oversize: part.slice.oversize,
    ...(merge && { merged: `the split's parts ${merge.slices.join(", ")} are one pull request because the first did not pass ${inlineCode(merge.check.command)} on its own` }),
    check: part.check,
  };
}
