import { taskConfigOf } from "../config/clamp-limits.ts";
import type { Env } from "../config/env.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import type { Log } from "../logger.ts";
import type { Model } from "../agent/models/model.ts";
import { runAgentSession } from "../agent/session.ts";
import { JsonlTrajectory, trajectoryPathFor } from "../agent/trajectory/jsonl-trajectory.ts";
import type { GitHub } from "../github/platform.ts";
import type { AccountOf } from "../github/ferry-account.ts";
import { postComment } from "../github/ensure-comment.ts";
import { fetchIssueContext } from "../github/issue-context.ts";
import type { SandboxFactory } from "../sandbox/sandbox.ts";
import { createTaskPauses } from "../steering/task-pauses.ts";
import type { TaskResult } from "../tasks/model.ts";
import type { RunContext, TaskRunner } from "../tasks/queue-types.ts";
import type { Store } from "../tasks/store.ts";
import type { Workspaces } from "../workspace/workspaces.ts";
import type { LinkSettings } from "../agent/trajectory/trajectory-location.ts";
import { trajectoryLocation } from "../agent/trajectory/trajectory-location.ts";
import type { TrajectoryRef } from "../agent/trajectory/trajectory-link.ts";
import type { TrajectoryLineStream } from "../agent/trajectory/trajectory-lines.ts";
import type { LiveProgress } from "../delivery/status/progress-board.ts";
import { progressTrajectory } from "../delivery/status/progress-trajectory.ts";
import type { Identity } from "../workspace/identity.ts";
import { changesInSandbox } from "../workspace/sandbox-changes.ts";
import { answerReview } from "./answer-review.ts";
import { foreignStackProblem } from "./foreign-stack.ts";
import { deliverOutcome } from "./deliver-outcome.ts";
import type { BaselineCache } from "../verification/baseline-cache.ts";
import type { Baseline } from "../verification/judge.ts";
import { type DiskLimit, watchDiskLimit } from "./disk-limit.ts";
import { planRun } from "./run-plan.ts";
import { startPoints } from "./start-points.ts";

export type AgentRunnerDeps = {
  env: Pick<Env, "dataDir" | "sandbox" | "mirrorCacheBytes" | "ceilings"> & { model: Pick<Env["model"], "compactAt"> };
  store: Store;
  workspaces: Workspaces;
  sandboxes: SandboxFactory;
  model: Model;
  /** GitHub as the task's installation sees it. */
  clientFor(installationId: number): Promise<GitHub>;
  /** A fresh installation token for git; it never enters the sandbox. */
  tokenFor(installationId: number): Promise<string>;
  log: Log;
  /** Where the agent's progress goes, for the status comment. */
  progress: LiveProgress;
  /** Author and committer of the parts' commits; the requester is credited as co-author. */
  author: Identity;
  links: LinkSettings;
  /** Ferry's bot account: review replies already made are found by marker and this author. */
  account: AccountOf;
  /** PostgreSQL mode: a copy of each run's trajectory lines in the database, for a signed link on any server. */
  trajectoryLines?: (ref: TrajectoryRef) => TrajectoryLineStream;
  /** Test runs on untouched bases kept for follow-ups on the same base; none, each run measures its own. */
  baselines?: BaselineCache;
};

/**
 * The task runner: config and issue from GitHub → checkout → the agent in its sandbox →
 * a verified change delivered as stacked pull requests (deliver-outcome.ts). Reads top to
 * bottom; each phase lives in its own module.
 */
export function createAgentRunner(deps: AgentRunnerDeps): TaskRunner {
  return async (context: RunContext): Promise<TaskResult> => {
    const { task, run, signal, moveTo } = context;
    // Taken first, so a run that fails early still settles it and never loops on it.
    const plan = await planRun(deps.store, task, run);
    if (plan.kind === "invalid") return { outcome: "error", message: plan.problem };
    // Stored at once; the status edit it sets off (a GitHub write spaced from the last) goes on while the
    // run prepares. moveTo rejects only once the run is aborted, which the line after reports.
    moveTo("preparing").catch(() => undefined);
    signal.throwIfAborted();
    const client = await deps.clientFor(task.repo.installationId);
    const issueRef = { owner: task.repo.owner, repo: task.repo.name, issueNumber: task.issueNumber };
    const loaded = await loadRepoConfig(client, { owner: task.repo.owner, repo: task.repo.name, ref: task.repo.defaultBranch });
    if (!loaded.ok) return { outcome: "error", message: `.github/agent.yml is invalid: ${loaded.problems.join("; ")}` };
    // Within the operator's ceilings, from an allowed image, before anything starts; the status says what was capped.
    const limited = taskConfigOf(loaded.config, deps.env);
    if (!limited.ok) return { outcome: "error", message: limited.message };
    const { config, image } = limited;
    deps.progress.note(task.id, limited.notes);
    // The task is the text a writer approved at the trigger; a later edit reaches the agent only as untrusted context.
    // Read beside the checkout; awaited inside the try below, which gives the checkout back whatever throws.
    const issueRead = deps.store.issueSnapshot(task.id).then((approved) => fetchIssueContext(client, issueRef, approved));
    issueRead.catch(() => undefined);
    const token = await deps.tokenFor(task.repo.installationId);
    // Asked beside the checkout (a git round trip each); a refusal still comes before the agent runs.
    const foreign = foreignStackProblem(deps.store, task, { token, signal });
    foreign.catch(() => undefined);
    const base = config.base ?? task.repo.defaultBranch;
    const previousShas = new Set((await deps.store.partsOf(task.id)).map((part) => part.headSha));
    const checkout = await deps.workspaces.prepare({ taskId: task.id, repo: task.repo, base, branch: `agent/issue-${task.issueNumber}/part-1`, token, signal });
    // Everything after the checkout sits in one try: whatever throws (reading the start points,
    // opening the trajectory), the checkout goes back and its mirror stays evictable.
    let trajectory: JsonlTrajectory | undefined;
    let lines: TrajectoryLineStream | undefined;
    let disk: DiskLimit | undefined;
    let baseline: Baseline | undefined;
    try {
      const refused = await foreign;
      if (refused) return { outcome: "error", message: refused };
      const issue = await issueRead;
      // Read now, applied in the sandbox after setup: networked setup only ever runs the trusted base.
      const points = await startPoints(checkout, task.repo.defaultBranch, plan.kind === "follow-up" ? plan.startFrom : undefined);
      if (!points.ok) return { outcome: "error", message: points.message };
      let firstMessages = plan.kind === "follow-up" ? [plan.firstMessage] : [];
      lines = deps.trajectoryLines?.({ taskId: task.id, run: run.number });
      const copy = lines;
      trajectory = new JsonlTrajectory(trajectoryPathFor(deps.env.dataDir, task.id, run.number), undefined, copy && ((line) => copy.push(line)));
      const spec = { taskId: task.id, workDir: checkout.workDir, readOnlyPaths: checkout.readOnlyPaths, image, limits: deps.env.sandbox.limits };
      const sandbox = deps.sandboxes();
      disk = watchDiskLimit({ dirs: [checkout.workDir, checkout.verifyDir], limitMb: deps.env.sandbox.diskMb, signal, log: deps.log });
      const outcome = disk.verdict(await runAgentSession({
        sandbox,
        spec,
        config,
        issue,
        model: deps.model,
        pauses: createTaskPauses({
          store: deps.store,
          taskId: task.id,
          moveTo,
          post: (body) => postComment(client, issueRef, body),
          waitMs: config.limits.waitMinutes * 60_000,
        }),
        trajectory: progressTrajectory(trajectory, (progress) => deps.progress.set(task.id, progress)),
        signal: disk.signal,
        takeInbox: async () => {
          const messages = [...firstMessages, ...(await deps.store.takeInbox(task.id)).map(({ author, body }) => ({ author, body }))];
          firstMessages = [];
          return messages;
        },
        // Asked of the sandbox: the host reads nothing of the tree while the agent may still run.
        diff: () => changesInSandbox(sandbox, checkout, signal),
        ...(points.startFrom && { startFrom: points.startFrom }),
        instructionsFrom: points.instructionsFrom,
        compactAt: deps.env.model.compactAt,
        beforeAgent: async () => {
          await moveTo("running");
        },
        baselines: async (measure) => {
          const key = { repo: `${task.repo.owner}/${task.repo.name}`, baseSha: checkout.baseSha, image, setup: config.setup, test: config.test, testReport: config.testReport };
          baseline = await (deps.baselines ? deps.baselines.get(key, measure) : measure());
          return baseline;
        },
      }));
      deps.log.info({ task: task.id, outcome: outcome.outcome, trajectory: trajectory.path }, "Agent run ended");
      const delivery = { ...deps, client, token: () => deps.tokenFor(task.repo.installationId) };
      const location = trajectoryLocation(deps.env.dataDir, deps.links, task.id, run.number);
      const delivered = await deliverOutcome(delivery, { outcome, checkout, config, base, issue: { number: task.issueNumber, title: issue.title }, spec, trajectory, trajectoryLink: location, baseline }, { ...context, signal: disk.signal });
      if (plan.kind === "follow-up" && plan.followUp.kind === "review" && !signal.aborted) {
        await answerReview({ client, log: deps.log, account: deps.account }, task, plan.followUp, delivered, previousShas);
      }
      return delivered.result;
    } finally {
      disk?.stop();
      trajectory?.close();
      await lines?.close();
      await deps.workspaces.release(checkout);
      await deps.workspaces.evict(deps.env.mirrorCacheBytes).catch((error: unknown) => deps.log.warn({ error: String(error) }, "Could not evict mirrors"));
    }
  };
}
