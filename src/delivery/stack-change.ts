import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import type { RepoConfig } from "../config/repo-config.ts";
import { defusePlainReferences } from "../github/defuse-references.ts";
import type { SandboxFactory, SandboxSpec } from "../sandbox/sandbox.ts";
import type { Checkout } from "../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../workspace/git.ts";
import type { Identity } from "../workspace/identity.ts";
import type { ChangedFile } from "../workspace/numstat.ts";
import type { VerifyCheckout } from "../workspace/verify-checkout.ts";
import { splitIntoSlices } from "./split/split-into-slices.ts";
import type { BuiltStack } from "./stack/build-stack.ts";
import { buildStack } from "./stack/build-stack.ts";
import { sandboxCheck } from "./stack/sandbox-check.ts";
import { treeReader } from "./stack/tree-reader.ts";
import type { CheckPrefix } from "./stack/verify-stack.ts";
import type { Baseline } from "../verification/judge.ts";

type ChangesReady = Extract<AgentOutcome, { outcome: "changes-ready" }>;

export type StackChangeRequest = {
  checkout: Pick<Checkout, "gitDir" | "baseSha">;
  /** The frozen change, as checked: its tree, its files, and Ferry's checkout of it. */
  change: { tree: string; files: readonly ChangedFile[]; verify: VerifyCheckout };
  issue: { number: number; title: string };
  config: Pick<RepoConfig, "pr" | "test" | "limits" | "verify" | "testReport">;
  /** The tests on the untouched base: each prefix must not break one that passed there. */
  baseline?: Baseline;
  /** The verdict on the frozen change; its test run was on `change.tree`. */
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
 * The frozen change as a stack of commits, one per part: split along imports within
 * `pr.maxLines`/`pr.maxFiles`, each prefix checked in a fresh sandbox on Ferry's checkout, parts
 * that fail alone merged. The last part's tree is the frozen tree itself.
 */
export async function stackChange(request: StackChangeRequest): Promise<BuiltStack> {
  const { checkout, change, config, signal } = request;
  const deadline = { timeoutMs: DEFAULT_GIT_TIMEOUTS.localMs, signal };
  const reader = treeReader(checkout.gitDir, { base: checkout.baseSha, tree: change.tree }, deadline);
  const slices = await splitIntoSlices([...change.files], reader, config.pr);
  return buildStack({
    checkout,
    tree: change.tree,
    verify: change.verify,
    issueNumber: request.issue.number,
    slices,
    verifyEachPart: config.pr.verifyEachPart,
    check: reuseFinalTestRun(request, checkWithSandbox(request)),
    message: (index, count) => partMessage(request.issue, index, count),
    author: request.author,
    coAuthor: request.coAuthor,
    previous: request.previous,
    signal,
  });
}

/**
 * No `Closes` here: a merged commit of part 1 must not close the issue while later parts are
 * open. The title is anyone's text: a "Fixes #1" in it must not close issue 1 either.
 */
export function partMessage(issue: StackChangeRequest["issue"], index: number, count: number): string {
  const title = defusePlainReferences(issue.title);
  if (count === 1) return `${title}\n\nFor #${issue.number}.`;
  return `${title} (${index}/${count})\n\nPart ${index} of ${count} for #${issue.number}.`;
}

function checkWithSandbox(request: StackChangeRequest): CheckPrefix {
  return sandboxCheck({
    sandboxes: request.sandboxes,
    spec: { ...request.spec, workDir: request.change.verify.dir },
    command: request.config.pr.checkCommand ?? request.config.test,
    timeoutMs: request.config.limits.commandSeconds * 1000,
    signal: request.signal,
    // pr.checkCommand (a typecheck, say) has no tests to compare with the base: its exit code decides.
    ...(request.config.pr.checkCommand === undefined && { baseline: request.baseline, mode: request.config.verify, testReport: request.config.testReport }),
  });
}

/** Ferry already ran the test command on the frozen tree in a fresh sandbox: that run stands for the whole change. */
function reuseFinalTestRun(request: StackChangeRequest, check: CheckPrefix): CheckPrefix {
  if (request.config.pr.checkCommand !== undefined) return check;
  return async (prefix) => (prefix.tree === request.change.tree ? request.outcome.tests : check(prefix));
}
