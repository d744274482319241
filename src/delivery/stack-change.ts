import type { AgentOutcome } from "../agent/outcome.ts";
import type { RepoConfig } from "../config/repo-config.ts";
import type { SandboxFactory, SandboxSpec } from "../sandbox/sandbox.ts";
import type { Checkout } from "../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../workspace/git-timeouts.ts";
import type { Identity } from "../workspace/identity.ts";
import type { Workspaces } from "../workspace/workspaces.ts";
import { changeReader } from "./change-reader.ts";
import { splitIntoSlices } from "./split/split-into-slices.ts";
import type { BuiltStack } from "./stack/build-stack.ts";
import { buildStack } from "./stack/build-stack.ts";
import { finalTree } from "./stack/final-tree.ts";
import { sandboxCheck } from "./stack/sandbox-check.ts";
import type { CheckPrefix } from "./stack/verify-stack.ts";

type ChangesReady = Extract<AgentOutcome, { outcome: "changes-ready" }>;

export type StackChangeRequest = {
  checkout: Checkout;
  issue: { number: number; title: string };
  config: Pick<RepoConfig, "pr" | "test" | "limits">;
  outcome: ChangesReady;
  /** The task's sandbox, started afresh without network for each check. */
  sandboxes: SandboxFactory;
  spec: Omit<SandboxSpec, "network">;
  author: Identity;
  coAuthor?: Identity;
  /** Commits of the parts delivered before, in stack order; unchanged parts keep theirs. */
  previous?: readonly string[];
  signal: AbortSignal;
};

/**
 * The verified change as a stack of commits, one per part: split along imports within
 * `pr.maxLines`/`pr.maxFiles`, each prefix checked in the sandbox, parts that fail alone merged.
 */
export async function stackChange(workspaces: Workspaces, request: StackChangeRequest): Promise<BuiltStack> {
  const { checkout, config, signal } = request;
  const deadline = { timeoutMs: DEFAULT_GIT_TIMEOUTS.localMs, signal };
  const diff = await workspaces.diff(checkout, { signal });
  const slices = await splitIntoSlices(diff.files, changeReader(checkout, deadline), config.pr);
  return buildStack({
    checkout,
    issueNumber: request.issue.number,
    slices,
    verifyEachPart: config.pr.verifyEachPart,
    check: await reuseFinalTestRun(request, checkWithSandbox(request)),
    message: (index, count) => partMessage(request.issue, index, count),
    author: request.author,
    coAuthor: request.coAuthor,
    previous: request.previous,
    signal,
  });
}

/** No `Closes` here: a merged commit of part 1 must not close the issue while later parts are open. */
function partMessage(issue: StackChangeRequest["issue"], index: number, count: number): string {
  if (count === 1) return `${issue.title}\n\nFor #${issue.number}.`;
  return `${issue.title} (${index}/${count})\n\nPart ${index} of ${count} for #${issue.number}.`;
}

function checkWithSandbox(request: StackChangeRequest): CheckPrefix {
  return sandboxCheck({
    sandboxes: request.sandboxes,
    spec: request.spec,
    command: request.config.pr.checkCommand ?? request.config.test,
    timeoutMs: request.config.limits.commandSeconds * 1000,
    signal: request.signal,
  });
}

/** The agent's harness already ran the test command on the whole change: that run stands for the last prefix. */
async function reuseFinalTestRun(request: StackChangeRequest, check: CheckPrefix): Promise<CheckPrefix> {
  if (request.config.pr.checkCommand !== undefined) return check;
  const whole = await finalTree(request.checkout, { timeoutMs: DEFAULT_GIT_TIMEOUTS.localMs, signal: request.signal });
  return async (prefix) => (prefix.tree === whole ? request.outcome.tests : check(prefix));
}
