import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Env } from "../config/env.ts";
import { parseRepoConfig, REPO_CONFIG_PATH } from "../config/repo-config.ts";
import type { Log } from "../logger.ts";
import { runAgentSession } from "../agent/session.ts";
import { JsonlTrajectory, trajectoryPathFor } from "../agent/trajectory/jsonl-trajectory.ts";
import { createSandboxFactory } from "../sandbox/create-sandbox.ts";
import { verifyFrozenChange } from "../delivery/stack/frozen-verdict.ts";
import { changesInSandbox } from "../workspace/sandbox-changes.ts";
import { Workspaces } from "../workspace/workspaces.ts";
import { defaultBranchFor } from "./branch-name.ts";
import { dockerImages, pullImageIfMissing, type ImageStore } from "./image-pull.ts";
import { leaveOnBranch } from "./leave-on-branch.ts";
import { inspectLocalRepo } from "./local-repo.ts";
import { modelForRun } from "./model-for-run.ts";
import type { ProgressSink } from "./progress-event.ts";
import { readIssue } from "./read-issue.ts";
import type { RunReport } from "./report.ts";
import type { RunArgs } from "./run-args.ts";
import { stepTrajectory } from "./step-trajectory.ts";
import { claimTargetBranch } from "./target-branch.ts";
import { terminalPauses } from "./terminal-pauses.ts";

export type RunContext = { env: Env; dataDir: string; log: Log; progress: ProgressSink; signal: AbortSignal; images?: ImageStore };

/**
 * `ferry run`: the same pipeline as a GitHub task on a repository on this machine. The target
 * branch is claimed first (an existing one only with --force), the repository is fetched into a
 * checkout (its committed state), the agent works in the sandbox, and a change whose tests pass
 * is committed and pushed back as that branch.
 */
export async function runLocal(args: RunArgs, context: RunContext): Promise<RunReport> {
  const { env, dataDir, log, progress, signal } = context;
  const repo = await inspectLocalRepo(args.repo);
  const base = args.base ?? repo.currentBranch;
  if (!base) throw new Error(`--repo ${args.repo} has no current branch: name one with --base.`);
  const issue = await readIssue(args.issue);
  const target = await claimTargetBranch(repo, args.branch ?? defaultBranchFor(issue), args.force, signal);
  const model = await modelForRun({ scriptPath: args["model-script"], name: args.model, env: env.model });
  const taskId = `local-${Date.now()}-${process.pid}`;
  const file = new JsonlTrajectory(trajectoryPathFor(dataDir, taskId, 1));
  progress({ event: "trajectory", path: file.path });
  const workspaces = new Workspaces({ dataDir, log, allowLocalRepos: true });
  try {
    const checkout = await workspaces.prepare({ taskId, repo: { cloneUrl: repo.cloneUrl, owner: "local", name: repo.name }, base, branch: target.name, signal });
    const config = await configOf(checkout.workDir, args.test);
    const sandbox = { ...env.sandbox, kind: args.sandbox ?? env.sandbox.kind };
    const image = config.image ?? env.sandbox.image;
    const sandboxes = await createSandboxFactory(sandbox, dataDir, log);
    if (sandbox.kind === "docker") await pullImageIfMissing(context.images ?? dockerImages(), image, progress, signal);
    const agentSandbox = sandboxes();
    const spec = { taskId: 0, workDir: checkout.workDir, readOnlyPaths: checkout.readOnlyPaths, image, limits: env.sandbox.limits };
    const trajectory = stepTrajectory(file, progress);
    const claim = await runAgentSession({
      sandbox: agentSandbox,
      spec,
      config,
      issue,
      model,
      pauses: terminalPauses({ approveAll: args.yes, interactive: process.stdin.isTTY === true && args.issue !== "-" }),
      trajectory,
      signal,
      takeInbox: async () => [],
      diff: () => changesInSandbox(agentSandbox, checkout, signal),
      // The base as committed (in the mirror, never the work tree) is the trusted tree here.
      instructionsFrom: { gitDir: checkout.mirrorDir, commit: checkout.baseSha },
      compactAt: env.model.compactAt,
    });
    // The verdict that counts is taken on the tree frozen once the agent's sandbox stopped; that tree is what is left on the branch.
    const verdict = claim.outcome === "changes-ready" ? await verifyFrozenChange({ workspaces, sandboxes }, { checkout, config, outcome: claim, spec, trajectory, signal }) : undefined;
    if (verdict?.kind !== "ready") return { outcome: verdict?.outcome ?? claim, branch: undefined, trajectoryPath: file.path };
    const { outcome, change } = verdict;
    const left = await leaveOnBranch(workspaces, checkout, target, `${issue.title}\n\n${outcome.summary}`, signal, change.tree);
    return { outcome, branch: left ? target.name : undefined, trajectoryPath: file.path };
  } finally {
    file.close();
    await workspaces.remove(taskId);
  }
}

/** `.github/agent.yml` as committed on the base, with `--test` taking precedence. */
async function configOf(workDir: string, test: string | undefined) {
  const text = await readFile(join(workDir, REPO_CONFIG_PATH), "utf8").catch(() => undefined);
  const parsed = parseRepoConfig(text);
  if (!parsed.ok) throw new Error(`${REPO_CONFIG_PATH} is invalid:\n${parsed.problems.map((problem) => `  - ${problem}`).join("\n")}`);
  return test ? { ...parsed.config, test } : parsed.config;
}
