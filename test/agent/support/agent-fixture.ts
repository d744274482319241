import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SteeringMessage } from "../../../src/agent/agent-run.ts";
import type { Model } from "../../../src/agent/models/model.ts";
import type { AgentOutcome } from "../../../src/tasks/agent-outcome.ts";
import type { Pauses } from "../../../src/agent/pauses.ts";
import type { IssueContext } from "../../../src/agent/prompt/issue-context.ts";
import { runAgentSession, type SessionInput } from "../../../src/agent/session.ts";
import { MemoryTrajectory } from "../../../src/agent/trajectory/memory-trajectory.ts";
import { RepoConfig } from "../../../src/config/repo-config.ts";
import { LocalSandbox } from "../../../src/sandbox/local/local-sandbox.ts";
import type { Sandbox } from "../../../src/sandbox/sandbox.ts";
import type { Checkout } from "../../../src/workspace/checkout.ts";
import { Workspaces } from "../../../src/workspace/workspaces.ts";
import { scriptedPauses } from "../../helpers/scripted-pauses.ts";
import { createBuggyRepo } from "./buggy-repo.ts";

export const ISSUE: IssueContext = { number: 12, title: "add() subtracts", body: "`add(2, 3)` gives -1; it should give 5.", comments: [] };

export type SessionOverrides = {
  model: Model;
  config?: Record<string, unknown>;
  issue?: IssueContext;
  pauses?: Pauses;
  sandbox?: Sandbox;
  image?: string;
  /** Messages handed over at the given step (1-based: before the model is asked for that step). */
  inbox?: Record<number, SteeringMessage[]>;
  signal?: AbortSignal;
  now?: () => number;
  compactAt?: number;
  /** A commit whose tree the workspace takes after setup (a follow-up's earlier delivery). */
  startFrom?: string;
  /** Hands the base's test run to the session (a cache); default: it measures its own. */
  baselines?: SessionInput["baselines"];
};

export type AgentFixture = {
  checkout: Checkout;
  workspaces: Workspaces;
  run(overrides: SessionOverrides): Promise<{ outcome: AgentOutcome; trajectory: MemoryTrajectory }>;
  close(): Promise<void>;
};

/** A checkout of the buggy calculator and a way to run a whole agent session on it. */
export async function agentFixture(extraFiles: Record<string, string> = {}): Promise<AgentFixture> {
  const root = await mkdtemp(join(tmpdir(), "ferry-agent-"));
  const upstream = join(root, "calc.git");
  await createBuggyRepo(upstream, extraFiles);
  const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
  const repo = { cloneUrl: pathToFileURL(upstream).href, owner: "local", name: "calc" };
  const checkout = await workspaces.prepare({ taskId: 1, repo, base: "main", branch: "agent/issue-12/part-1" });
  return {
    checkout,
    workspaces,
    async run(overrides) {
      const trajectory = new MemoryTrajectory();
      let step = 0;
      const config = RepoConfig.parse({ test: "node test.js", ...overrides.config });
      const outcome = await runAgentSession({
        sandbox: overrides.sandbox ?? new LocalSandbox(),
        spec: { taskId: 1, workDir: checkout.workDir, readOnlyPaths: checkout.readOnlyPaths, image: overrides.image ?? "unused", limits: { memoryMb: 1024, cpus: 1, pids: 256 } },
        config,
        issue: overrides.issue ?? ISSUE,
        model: overrides.model,
        pauses: overrides.pauses ?? scriptedPauses(),
        trajectory,
        signal: overrides.signal ?? new AbortController().signal,
        takeInbox: async () => overrides.inbox?.[++step] ?? [],
        diff: () => workspaces.diff(checkout),
        instructionsFrom: { gitDir: checkout.mirrorDir, commit: checkout.baseSha },
        ...(overrides.startFrom && { startFrom: overrides.startFrom }),
        compactAt: overrides.compactAt ?? 0.6,
        now: overrides.now,
        ...(overrides.baselines && { baselines: overrides.baselines }),
      });
      return { outcome, trajectory };
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}
