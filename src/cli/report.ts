import type { AgentOutcome } from "../agent/outcome.ts";
import type { ChangedFile } from "../workspace/numstat.ts";

export type RunReport = { outcome: AgentOutcome; branch: string | undefined; trajectoryPath: string | undefined };

/** What `ferry run` prints at the end: the outcome, the diff stat, tokens, cost and the trajectory. */
export function renderReport({ outcome, branch, trajectoryPath }: RunReport): string {
  const lines = [`Outcome: ${outcome.outcome} — ${explain(outcome)}`];
  if (outcome.outcome === "changes-ready") {
    lines.push("", ...diffStat(outcome.files));
    for (const flag of outcome.weakening) lines.push(`Test weakening: ${flag.path}: ${flag.detail}`);
  }
  if (branch) lines.push("", `Branch: ${branch}`);
  const { spend } = outcome;
  lines.push(
    "",
    `Steps: ${spend.steps}, minutes: ${spend.minutes.toFixed(1)}`,
    `Tokens: ${spend.inputTokens} in (${spend.cachedInputTokens} cached), ${spend.outputTokens} out (${spend.reasoningTokens} reasoning)`,
    `Cost: ${spend.costUsd === null ? "unknown (no price for this model; set FERRY_MODEL_PRICE)" : `$${spend.costUsd.toFixed(4)}`}`,
  );
  if (trajectoryPath) lines.push(`Trajectory: ${trajectoryPath}`);
  return `${lines.join("\n")}\n`;
}

function explain(outcome: AgentOutcome): string {
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
      return `the change adds secrets and is not kept:\n${outcome.findings.map((f) => `  ${f.path}:${f.line} ${f.kind}: ${f.excerpt}`).join("\n")}`;
    case "setup-failed":
      return `setup \`${outcome.command}\` ${outcome.timedOut ? "timed out" : `exited with ${outcome.exitCode}`}:\n${outcome.output}`;
    case "cancelled":
      return outcome.reason;
    case "failed":
      return outcome.reason;
  }
}

function diffStat(files: ChangedFile[]): string[] {
  const rows = files.map((file) => {
    const counts = file.binary ? "binary" : `+${file.added} -${file.deleted}`;
    return ` ${file.oldPath ? `${file.oldPath} → ${file.path}` : file.path} | ${counts}`;
  });
  const added = files.reduce((sum, file) => sum + (file.added ?? 0), 0);
  const deleted = files.reduce((sum, file) => sum + (file.deleted ?? 0), 0);
  return [...rows, ` ${files.length} ${files.length === 1 ? "file" : "files"} changed, +${added} -${deleted}`];
}
