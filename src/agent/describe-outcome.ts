import type { AgentOutcome } from "../tasks/agent-outcome.ts";

/** Every ending of a run in words: what happened and, where it failed, what to look at. */
export function describeOutcome(outcome: AgentOutcome): string {
  switch (outcome.outcome) {
    case "changes-ready":
      return `the tests pass (${outcome.tests.command}). ${outcome.summary}`.trim();
    case "tests-failing":
      return `the tests still fail (${outcome.tests.command}, exit ${outcome.tests.exitCode}):\n${outcome.tests.output}`;
    case "no-changes":
      return `the agent changed nothing. ${outcome.summary}`.trim();
    case "budget-exhausted":
      return `the ${outcome.budget} budget (${outcome.limit}) ran out.`;
    case "blocked":
      return `the change is not kept (a secret, or a path Ferry never delivers):\n${outcome.findings.map((f) => `  ${f.path}:${f.line} ${f.kind}: ${f.excerpt}`).join("\n")}`;
    case "setup-failed":
      return `setup \`${outcome.command}\` ${outcome.timedOut ? "timed out" : `exited with ${outcome.exitCode}`}:\n${outcome.output}`;
    case "cancelled":
      return outcome.reason;
    case "failed":
      return outcome.reason;
  }
}
