import type { AgentRun } from "./agent-run.ts";
import { checkFinalDiff } from "./final-checks.ts";
import type { AgentOutcome, TestRun } from "../tasks/agent-outcome.ts";
import { judgedTestRun } from "../verification/judge.ts";
import { readTestRun } from "../verification/read-test-run.ts";
import { evidenceLines } from "../verification/evidence-text.ts";

export type Verdict = { done: true; outcome: AgentOutcome } | { done: false };

/**
 * The agent says it is done; the harness checks, for the agent's sake, while its sandbox still
 * runs. No change ends the run; otherwise the harness runs the test command itself (the agent's
 * claim is never trusted), and a failure goes back to the agent as the next turn until
 * `testRetries` is used up. This verdict is not the last word: delivery freezes the tree once
 * the sandbox has stopped, and checks and tests that (delivery/stack/frozen-verdict.ts).
 */
export async function verifyFinish(run: AgentRun, summary: string, failedTestRuns: number): Promise<Verdict> {
  const { toolContext, budgets, conversation } = run;
  const { trajectory } = toolContext;
  // Unknown when the sandbox cannot tell: the tests run, and delivery finds out on the frozen tree.
  const diff = await run.diff().catch(() => undefined);
  if (diff?.files.length === 0) {
    trajectory.record("run-ended", { outcome: "no-changes", summary });
    return { done: true, outcome: { outcome: "no-changes", summary, spend: budgets.spend() } };
  }
  const tests = await judgedTestRun(() => readTestRun(toolContext), run.baseline, { scope: "whole", mode: run.verify });
  trajectory.record("test-run", { by: "harness", ...tests });
  if (!tests.passed) {
    if (failedTestRuns >= run.testRetries) {
      trajectory.record("run-ended", { outcome: "tests-failing", summary });
      return { done: true, outcome: { outcome: "tests-failing", summary, tests, spend: budgets.spend() } };
    }
    conversation.add({ role: "user", content: failureTurn(tests, run.testRetries - failedTestRuns) });
    return { done: false };
  }
  const outcome = checkFinalDiff(diff ?? { files: [], patch: "" }, { summary, tests, spend: budgets.spend() });
  if (outcome.outcome === "blocked") trajectory.record("check", { check: "secrets", findings: outcome.findings });
  if (outcome.outcome === "changes-ready") trajectory.record("check", { check: "test-weakening", findings: outcome.weakening });
  trajectory.record("run-ended", { outcome: outcome.outcome, summary });
  return { done: true, outcome };
}

function failureTurn(tests: TestRun, triesLeft: number): string {
  const how = tests.timedOut ? "timed out" : `exited with code ${tests.exitCode}`;
  const perTest = tests.evidence?.mode === "per-test";
  return [
    perTest
      ? `Ferry ran the test command \`${tests.command}\` on your change (it ${how}) and compared each test with the base, so the work is not done yet:`
      : `Ferry ran the test command \`${tests.command}\` on your change and it ${how}, so the work is not done yet.`,
    ...(perTest && tests.evidence ? evidenceLines(tests.evidence).map((line) => `- ${line}`) : []),
    `Fix this, run the tests, and call \`finish\` again (${triesLeft} more ${triesLeft === 1 ? "try" : "tries"}).`,
    "",
    "```",
    tests.output,
    "```",
  ].join("\n");
}
