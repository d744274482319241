import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Env } from "../config/env.ts";
import { parseRepoConfig } from "../config/repo-config.ts";
import { REPO_CONFIG_PATH } from "../config/load-repo-config.ts";
import type { Log } from "../logger.ts";
import { runAgentSession } from "../agent/session.ts";
import { JsonlTrajectory, trajectoryPathFor } from "../agent/trajectory/jsonl-trajectory.ts";
import { createSandboxFactory } from "../sandbox/create-sandbox.ts";
import { Workspaces } from "../workspace/workspaces.ts";
import { inspectLocalRepo, branchForTitle } from "./local-repo.ts";
import { modelForRun } from "./model-for-run.ts";
import { readIssue } from "./read-issue.ts";
import type { RunReport } from "./report.ts";
import type { RunArgs } from "./run-args.ts";
import { terminalPauses } from "./terminal-pauses.ts";

const LOCAL_IDENTITY = { name: "Ferry", email: "ferry@localhost" };

/**
 * `ferry run`: the same pipeline as a GitHub task on a repository on this machine. The
 * repository is fetched into a checkout (its committed state), the agent works in the sandbox,
 * and a change whose tests pass is committed and pushed back as a branch.
 */
export async function runLocal(args: RunArgs, env: Env, log: Log, signal: AbortSignal): Promise<RunReport> {
  const repo = await inspectLocalRepo(args.repo);
  const base = args.base ?? repo.currentBranch;
  if (!base) throw new Error(`--repo ${args.repo} has no current branch: name one with --base.`);
  const issue = await readIssue(args.issue);
  const dataDir = args["data-dir"] ?? env.dataDir;
  const taskId = `local-${Date.now()}-${process.pid}`;
  const branch = args.branch ?? branchForTitle(issue.title);
  const workspaces = new Workspaces({ dataDir, log, allowLocalRepos: true });
  const checkout = await workspaces.prepare({ taskId, repo: { cloneUrl: repo.cloneUrl, owner: "local", name: repo.name }, base, branch, signal });
  try {
    const config = await configOf(checkout.workDir, args.test);
    const model = await modelForRun({ scriptPath: args["model-script"], name: args.model, env: env.model });
    const sandboxes = await createSandboxFactory({ ...env.sandbox, kind: args.sandbox ?? env.sandbox.kind }, dataDir, log);
    const trajectory = new JsonlTrajectory(trajectoryPathFor(dataDir, taskId, 1));
    const interactive = process.stdin.isTTY === true && args.issue !== "-";
    const outcome = await runAgentSession({
      sandbox: sandboxes(),
      spec: { taskId: 0, workDir: checkout.workDir, readOnlyPaths: checkout.readOnlyPaths, image: config.image ?? env.sandbox.image, limits: env.sandbox.limits },
      config,
      issue,
      model,
      pauses: terminalPauses({ approveAll: args.yes, interactive }),
      trajectory,
      signal,
      takeInbox: () => [],
      diff: () => workspaces.diff(checkout, { signal }),
      compactAt: env.model.compactAt,
    });
    trajectory.close();
    if (outcome.outcome !== "changes-ready") return { outcome, branch: undefined, trajectoryPath: trajectory.path };
    const commit = await workspaces.commit(checkout, { message: `${issue.title}\n\n${outcome.summary}`, author: LOCAL_IDENTITY });
    if (commit.outcome !== "committed") return { outcome, branch: undefined, trajectoryPath: trajectory.path };
    const pushed = await workspaces.push(checkout, [{ name: branch, sha: commit.sha }], { signal });
    if (pushed.outcome !== "pushed") throw new Error(`Could not leave the result on ${branch}: ${pushed.message}`);
    return { outcome, branch, trajectoryPath: trajectory.path };
  } finally {
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
