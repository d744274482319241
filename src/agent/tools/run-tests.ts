import { z } from "zod";
import type { TestRun } from "../../tasks/agent-outcome.ts";
import { seconds } from "../../sandbox/exec-report.ts";
import { readTestRun } from "../../verification/read-test-run.ts";
import { judgeRun } from "../../verification/judge.ts";
import { evidenceLines } from "../../verification/evidence-text.ts";
import type { Tool } from "./tool.ts";
const runTestsArguments = z.strictObject({});

export const runTestsTool: Tool<typeof runTestsArguments> = {
  name: "run_tests",
  description:
    "Run the repository's configured test command in the workspace and get pass or fail, the exit code, the duration and the output. This is the command that decides whether your work is done.",
  arguments: runTestsArguments,
  async run(_args, context) {
    const read = await readTestRun(context);
    // With a run on the base, the agent sees the verdict Ferry will take: test by test, pre-existing failures not counted.
    const run = context.baseline ? judgeRun(context.baseline, read, { scope: "whole", mode: "per-test" }) : read.run;
    const judged = run.evidence?.mode === "per-test" ? `${evidenceLines(run.evidence).join("\n")}\n` : "";
    return {
      output: `${headline(run, context.commandTimeoutMs)}\n${judged}${run.output}`,
      isError: !run.passed,
      details: { command: run.command, passed: run.passed, exitCode: run.exitCode, timedOut: run.timedOut, durationMs: run.durationMs },
    };
  },
};

function headline(run: TestRun, timeoutMs: number): string {
  if (run.command.trim() === "") return "Tests cannot run.";
  const verdict = run.evidence?.mode === "per-test" ? (run.passed ? "Ready by Ferry's per-test verdict" : "NOT ready by Ferry's per-test verdict") : run.passed ? "Tests passed" : "Tests FAILED";
  if (run.timedOut) return `${verdict}: \`${run.command}\` was stopped after ${seconds(timeoutMs)}, its time limit.`;
  if (run.exitCode === null) return `${verdict}: \`${run.command}\` did not finish.`;
  return `${verdict}: \`${run.command}\` exited with code ${run.exitCode} after ${seconds(run.durationMs)}.`;
}
