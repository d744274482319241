import type { Log } from "../logger.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import type { Trajectory } from "../agent/trajectory/trajectory.ts";
import type { TrajectoryLocation } from "../agent/trajectory/trajectory-link.ts";
import type { RepoConfig } from "../config/repo-config.ts";
import { publishChange } from "../delivery/publish-change.ts";
import { stackChange } from "../delivery/stack-change.ts";
import { verifyFrozenChange } from "../delivery/stack/frozen-verdict.ts";
import type { GitHub } from "../github/platform.ts";
import type { SandboxFactory, SandboxSpec } from "../sandbox/sandbox.ts";
import type { TaskResult } from "../tasks/model.ts";
import type { RunContext } from "../tasks/queue-types.ts";
import type { Store } from "../tasks/store.ts";
import type { Checkout } from "../workspace/checkout.ts";
import type { Identity } from "../workspace/identity.ts";
import type { Workspaces } from "../workspace/workspaces.ts";
import type { Baseline } from "../verification/judge.ts";

export type DeliverDeps = {
  workspaces: Workspaces;
  sandboxes: SandboxFactory;
  store: Store;
  client: GitHub;
  /** Asked just before the push: the agent may have run longer than a token lives. */
  token(): Promise<string>;
  author: Identity;
  log?: Log;
};

export type DeliverInput = {
  outcome: AgentOutcome;
  checkout: Checkout;
  config: RepoConfig;
  base: string;
  issue: { number: number; title: string };
  spec: Omit<SandboxSpec, "network">;
  /** Where the final checks are recorded: the run's trajectory. */
  trajectory: Trajectory;
  /** The trajectory's link for the pull requests. */
  trajectoryLink: TrajectoryLocation;
  /** The tests on the untouched base, which every check of the change is judged against. */
  baseline?: Baseline;
};

/** A part as delivered: its pull request, commit and the files it holds. */
export type DeliveredPart = { index: number; number: number; url: string; sha: string; paths: string[] };

/** How the run ends, and the parts it delivered (none unless its change was published). */
export type Delivery = { result: TaskResult; parts: DeliveredPart[] };

/**
 * A change the agent says is ready is frozen once its sandbox has stopped, and the verdict on
 * that tree decides: verifying (secret and path checks, Ferry's own test run in a fresh sandbox,
 * split, each prefix checked, one commit per part, the last one exactly that tree), then
 * delivering (push, pull requests). Other outcomes end the task as they are.
 */
export async function deliverOutcome(deps: DeliverDeps, input: DeliverInput, context: Pick<RunContext, "task" | "moveTo" | "signal">): Promise<Delivery> {
  const { checkout, config } = input;
  if (input.outcome.outcome !== "changes-ready") return { result: input.outcome, parts: [] };
  const { task, signal } = context;
  const verdict = await verifyFrozenChange(deps, {
    checkout, config, outcome: input.outcome, spec: input.spec, trajectory: input.trajectory, baseline: input.baseline, signal,
    beforeChecks: async () => {
      await context.moveTo("verifying");
    },
  });
  if (verdict.kind === "ended") return { result: verdict.outcome, parts: [] };
  const { outcome, change } = verdict;
  // A sweep was asked for by the repository's config, not by a person to credit.
  const coAuthor = task.trigger === "sweep" ? undefined : { name: task.requester, email: `${task.requester}@users.noreply.github.com` };
  const previous = (await deps.store.partsOf(task.id)).map((part) => part.headSha);
  const stack = await stackChange({
    checkout, change, issue: input.issue, config, outcome, baseline: input.baseline, sandboxes: deps.sandboxes, spec: input.spec, author: deps.author, ...(coAuthor && { coAuthor }), previous, signal,
  });
  if (stack.outcome === "whole-change-failed") deps.log?.warn({ task: task.id, check: stack.parts.at(-1)?.check?.command }, "The whole change fails pr.checkCommand; delivering it with the failure shown");
  await context.moveTo("delivering");
  const published = await publishChange(
    { workspaces: deps.workspaces, client: deps.client, store: deps.store, log: deps.log },
    {
      owner: task.repo.owner, repo: task.repo.name, taskId: task.id, issue: input.issue, requester: coAuthor && task.requester,
      base: input.base, draft: config.pr.draft, trajectory: input.trajectoryLink, checkout, stack, outcome, token: await deps.token(), signal,
    },
  );
  if (published.outcome === "not-pushed") return { result: { outcome: "error", message: `The verified change was not delivered. ${published.message}` }, parts: [] };
  const parts = published.result.parts.map((part) => {
    const built = stack.parts.find((candidate) => candidate.index === part.index);
    return { index: part.index, number: part.number, url: part.url, sha: part.headSha, paths: built?.slice.files.map((file) => file.path) ?? [] };
  });
  return { result: outcome, parts };
}
