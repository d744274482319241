import type { AgentOutcome, BudgetName, TestRun } from "../../tasks/agent-outcome.ts";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import { codeBlock, inlineCode, quoteBlock } from "../../github/markdown.ts";
import { renderAgentText } from "../../github/agent-text.ts";
import { tailOfOutput } from "./cut-output.ts";
import { evidenceMarkdown } from "./evidence-markdown.ts";

const BUDGET_LIMITS: Record<BudgetName, (limit: number) => string> = {
  steps: (limit) => `${limit} steps`,
  tokens: (limit) => `${limit.toLocaleString("en-US")} tokens`,
  usd: (limit) => `$${limit.toFixed(2)}`,
  minutes: (limit) => `${limit} minutes`,
};

type Explained = Exclude<AgentOutcome, { outcome: "cancelled" | "failed" }>;

/** How the agent's run ended, in words a maintainer can act on. */
export function explainAgentOutcome(outcome: Explained): string {
  switch (outcome.outcome) {
    case "changes-ready": {
      const summary = outcome.summary.trim() ? `\n\n${quoteBlock(renderAgentText(outcome.summary.trim()))}` : "";
      const { evidence } = outcome.tests;
      if (evidence?.mode === "per-test") return `**changes-ready**: ${inlineCode(outcome.tests.command)} judged test by test against the base:\n\n${evidenceMarkdown(evidence)}${summary}`;
      return `**changes-ready**: the tests pass (${inlineCode(outcome.tests.command)}).${summary}`;
    }
    case "tests-failing": {
      const { evidence } = outcome.tests;
      const headline = `**tests-failing**: the tests still fail after the agent's last try: ${inlineCode(outcome.tests.command)} ${how(outcome.tests)}.`;
      const judged = evidence?.mode === "per-test" ? [headline, evidenceMarkdown(evidence), "The last failure:"] : [`${headline} The last failure:`];
      return [...judged, codeBlock(tailOfOutput(outcome.tests.output))].join("\n\n");
    }
    case "no-changes":
      return `**no-changes**: the agent changed nothing. ${renderAgentText(outcome.summary)}`.trim();
    case "budget-exhausted":
      return [
        `**budget-exhausted**: the run used up its ${outcome.budget} budget (${BUDGET_LIMITS[outcome.budget](outcome.limit)}) before the agent finished.`,
        `Raise \`limits.${outcome.budget}\` in \`.github/agent.yml\` or narrow the issue, then comment \`/agent run\` to try again.`,
      ].join(" ");
    case "blocked":
      return [
        "**blocked**: the change is not kept: the final checks found what looks like a secret in it, or a path Ferry never delivers, so nothing was pushed.",
        "",
        ...outcome.findings.map((f) => `- ${inlineCode(`${f.path}:${f.line}`)} ${f.kind}: ${inlineCode(redactSecrets(f.excerpt))}`),
      ].join("\n");
    case "setup-failed":
      return [
        outcome.stage === "final-test"
          ? `**setup-failed**: the setup command ${inlineCode(outcome.command)} ${how(outcome)} on the fresh checkout where Ferry tests the finished change, so the change could not be tested and was not delivered. Its output:`
          : `**setup-failed**: the setup command ${inlineCode(outcome.command)} ${how(outcome)}, so the agent did not start. Its output:`,
        codeBlock(tailOfOutput(outcome.output)),
        "Check `setup:` in `.github/agent.yml`.",
      ].join("\n\n");
  }
}

function how(run: Pick<TestRun, "exitCode" | "timedOut">): string {
  if (run.timedOut) return "timed out";
  return run.exitCode === null ? "was stopped" : `exited with ${run.exitCode}`;
}
