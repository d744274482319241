import type { RepoConfig } from "../config/repo-config.ts";
import type { Sandbox, SandboxSpec } from "../sandbox/sandbox.ts";
import { startSandbox } from "../sandbox/sandbox-error.ts";
import type { SteeringMessage } from "./agent-run.ts";
import { Budgets } from "./budgets.ts";
import { endOnError } from "./end-on-error.ts";
import { runAgentLoop } from "./loop.ts";
import type { Model } from "./models/model.ts";
import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import type { Pauses } from "./pauses.ts";
import type { IssueContext } from "./prompt/issue-context.ts";
import { startConversation } from "./start-conversation.ts";
import { runSetup } from "./setup-phase.ts";
import { startFromDelivery } from "./start-from.ts";
import type { TrustedCommit } from "./prompt/instructions.ts";
import { AGENT_TOOLS, toolSpecs } from "./tools/tools.ts";
import type { Trajectory } from "./trajectory/trajectory.ts";
import type { ChangedFile } from "../workspace/numstat.ts";
import type { Baseline } from "../verification/judge.ts";
import { readTestRun } from "../verification/read-test-run.ts";
import { baselineBrief } from "../verification/evidence-text.ts";

export type SessionInput = {
  sandbox: Sandbox;
  /** The sandbox to start; the session decides when the network is on. */
  spec: Omit<SandboxSpec, "network">;
  config: RepoConfig;
  issue: IssueContext;
  model: Model;
  pauses: Pauses;
  trajectory: Trajectory;
  signal: AbortSignal;
  takeInbox(): Promise<SteeringMessage[]>;
  diff(): Promise<{ files: ChangedFile[]; patch: string }>;
  /**
   * A follow-up's earlier delivery: a commit whose tree the workspace takes once the network is
   * cut, so `setup:` runs with network on the trusted base alone (see start-from.ts).
   */
  startFrom?: string;
  /** The trusted commit AGENTS.md and `instructions:` are read from (the default branch's tip in the mirror); none, no instructions. */
  instructionsFrom: TrustedCommit | undefined;
  /** Share of the model's context window past which older turns are compacted. */
  compactAt: number;
  /** Called once setup has passed, just before the agent starts (the task moves to `running`). */
  beforeAgent?(): Promise<void>;
  /**
   * The tests on the untouched base: `measure` runs them; a caller may hand back a run it kept for
   * the same base, setup and test command (follow-ups of one task). Default: always measure.
   */
  baselines?(measure: () => Promise<Baseline>): Promise<Baseline>;
  now?: () => number;
};

/** Most tokens of one tool output kept in the conversation; read_file's READ_LIMITS fit under it. Small outputs keep each request a long byte-identical prefix of the next (bench/context.bench.ts). */
const TOOL_OUTPUT_TOKENS = 2_500;

/**
 * One agent run in a sandbox: start it with the network on, run `setup:` on the trusted base,
 * cut the network, bring in a follow-up's earlier delivery, let the agent work, and always stop
 * the sandbox. The checkout is left for the caller to deliver.
 */
export async function runAgentSession(input: SessionInput): Promise<AgentOutcome> {
  const { sandbox, config, trajectory, signal } = input;
  const budgets = new Budgets(config.limits, input.now);
  const toolContext = {
    sandbox,
    workDir: input.spec.workDir,
    policy: { commands: config.commands, paths: config.paths },
    testCommand: config.test,
    testReport: config.testReport,
    baseline: undefined as Baseline | undefined,
    commandTimeoutMs: config.limits.commandSeconds * 1000,
    pauses: input.pauses,
    trajectory,
    signal,
  };
  const run = {
    model: input.model,
    tools: AGENT_TOOLS,
    toolContext,
    budgets,
    takeInbox: input.takeInbox,
    diff: input.diff,
    testRetries: config.limits.testRetries,
    verify: config.verify,
    baseline: undefined as Baseline | undefined,
    compactAt: input.compactAt,
    toolOutputTokens: TOOL_OUTPUT_TOKENS,
  };
  trajectory.record("run-started", { model: input.model.name, issue: input.issue.number, limits: config.limits, sandbox: sandbox.kind });
  try {
    await startSandbox(() => sandbox.start({ ...input.spec, network: true }, { signal }));
    // A stop that came as the sandbox finished starting: nothing more runs in it.
    signal.throwIfAborted();
    const setup = await runSetup({ command: config.setup, timeoutMs: toolContext.commandTimeoutMs, sandbox, trajectory, signal, spend: () => budgets.spend() });
    if (setup) return setup;
    await sandbox.setNetwork(false);
    // On the base as setup left it, before anything the agent wrote is in: what was red before the agent.
    if (config.verify === "per-test") {
      run.baseline = await measureBaseline(input, toolContext);
      toolContext.baseline = run.baseline;
    }
    // Only now, with the network cut, may anything the agent wrote reach the workspace.
    if (input.startFrom) await startFromDelivery({ commit: input.startFrom, sandbox, timeoutMs: toolContext.commandTimeoutMs, trajectory, signal });
    await input.beforeAgent?.();
    const conversation = await startConversation({
      workDir: input.spec.workDir,
      config,
      issue: input.issue,
      instructionsFrom: input.instructionsFrom,
      tools: toolSpecs(AGENT_TOOLS),
      trajectory,
    });
    const failing = run.baseline?.results?.cases.filter((test) => test.status === "failed").map((test) => test.id);
    if (run.baseline?.results && failing) {
      const passingCount = run.baseline.results.cases.filter((test) => test.status === "passed").length;
      conversation.add({ role: "user", content: baselineBrief(config.test, { failing, failingCount: failing.length, passingCount }) });
    }
    return await runAgentLoop({ ...run, conversation });
  } catch (error) {
    return endOnError(error, run);
  } finally {
    await sandbox.stop();
  }
}

async function measureBaseline(input: SessionInput, context: Parameters<typeof readTestRun>[0]): Promise<Baseline> {
  const measure = () => readTestRun(context);
  const baseline = await (input.baselines ? input.baselines(measure) : measure());
  const { run, results } = baseline;
  input.trajectory.record("test-run", { by: "baseline", command: run.command, passed: run.passed, exitCode: run.exitCode, timedOut: run.timedOut, durationMs: run.durationMs, tests: results?.cases.length ?? null, source: results?.source ?? null });
  return baseline;
}
